/**
 * The generator's own name tables for bench/src/matching-data.ts: weights are relative
 * frequencies rounded from public statistics (INEGI natality surnames, published top lists of
 * Honduras, El Salvador and Guatemala, common Mayan and Haitian surnames), not copied from the
 * engine's word lists. The nickname and spelling tables are also the generator's own: some
 * nicknames here are missing from the engine's table on purpose, to measure what it does
 * with names it does not know.
 */

export type Weighted = readonly (readonly [string, number])[]

const table = (text: string): Weighted =>
  text
    .trim()
    .split(/\s*,\s*/)
    .map((entry) => {
      const match = /^(.*\S)\s+(\d+)$/.exec(entry)
      if (!match?.[1] || !match[2]) {
        throw new Error(`bad vocabulary entry: ${entry}`)
      }
      return [match[1], Number(match[2])] as const
    })

export const SURNAMES_MX = table(`
Hernández 672, García 459, Martínez 447, López 412, González 353, Pérez 332, Rodríguez 293, Sánchez 289,
Ramírez 258, Cruz 200, Flores 190, Gómez 185, Morales 150, Vázquez 145, Reyes 140, Jiménez 135, Torres 130,
Díaz 125, Gutiérrez 120, Ruiz 110, Mendoza 105, Aguilar 100, Ortiz 95, Moreno 92, Castillo 90, Romero 88,
Álvarez 85, Méndez 82, Chávez 80, Rivera 78, Juárez 75, Ramos 73, Domínguez 70, Herrera 68, Medina 66,
Castro 64, Vargas 62, Guzmán 60, Velázquez 58, Muñoz 56, Rojas 54, Contreras 52, Salazar 50, Luna 48,
Ortega 47, Santiago 46, Guerrero 45, Estrada 44, Bautista 43, Cortés 42, Soto 41, Alvarado 40, Espinoza 39,
Lara 38, Ávila 37, Ríos 36, Cervantes 35, Silva 34, Delgado 33, Vega 32, Márquez 31, Sandoval 30,
Fernández 30, León 29, Carrillo 28, Mejía 28, Solís 27, Núñez 27, Rosas 26, Valdez 26, Ibarra 25, Campos 25,
De la Cruz 24, Peña 20, Zúñiga 15, Gallegos 14, Trujillo 14, Villanueva 14, Cabrera 14, Nava 13, Navarro 13,
Montes 12, Arellano 12, Salinas 12, Benítez 12, Ochoa 11, Acosta 11, Galván 10, Valencia 10, De León 12,
De los Santos 10, De la Rosa 10, Del Ángel 8, Xolalpa 3, Tzompa 2, Cuautle 3, Ixtlahuac 1`)

export const SURNAMES_HN = table(`
Hernández 300, López 250, Martínez 230, Rodríguez 200, García 190, Cruz 170, Reyes 160, Flores 150, Mejía 140,
Castillo 130, Ramírez 120, Sánchez 110, Pérez 110, Gómez 100, Rivera 95, Díaz 90, Méndez 85, Velásquez 80,
Aguilar 70, Gonzales 60, Maradiaga 60, Zelaya 60, Bonilla 55, Banegas 50, Ordóñez 45, Paz 45, Murillo 40,
Carcamo 40, Funez 40, Suazo 40, Amaya 40, Euceda 35, Turcios 35, Padilla 35, Galeas 30, Izaguirre 30,
Chinchilla 30, Valladares 30, Osorto 30, Ponce 30, Moncada 30, Barahona 30, Matute 25, Sabillón 25, Lagos 25,
Lanza 25, Discua 20`)

export const SURNAMES_SV = table(`
Hernández 300, Martínez 200, López 180, García 170, Rodríguez 160, Flores 150, Ramírez 120, Rivera 120,
Pérez 110, Cruz 100, Portillo 80, Argueta 70, Orellana 70, Alvarado 70, Romero 70, Mejía 60, Aguilar 60,
Escobar 50, Ventura 40, Villatoro 40, Quintanilla 40, Menjívar 40, Ayala 40, Rivas 40, Amaya 40,
Galdámez 35, Guardado 35, Henríquez 35, Lemus 30, Mancía 25, Cáceres 25, Chicas 20, Deras 15`)

export const SURNAMES_GT = table(`
López 300, García 250, Pérez 240, Hernández 200, González 180, Ramírez 160, Morales 150, Castillo 130,
Rodríguez 120, Ortiz 110, Martínez 110, Gómez 100, Méndez 95, Vásquez 90, Cruz 80, Juárez 70, Mejía 60,
Estrada 60, Santos 50, Chávez 50, Orozco 40, Barrios 40, Fuentes 40, De León 40, Cifuentes 35, Recinos 30,
Marroquín 30, Lima 30, Monterroso 25, Gramajo 20`)

export const SURNAMES_MAYAN = table(`
Pop 60, Caal 55, Choc 50, Coc 45, Tiul 40, Xol 40, Cuc 30, Ical 30, Chun 25, Bol 25, Maquín 20, Pacay 20,
Tzoc 30, Xicay 15, Cux 25, Ajú 15, Batz 20, Chacach 10, Ixcoy 15, Quej 20, Tzul 20, Chiquín 15, Yat 10, Cac 15,
Sicay 10, Tzunún 10, Tuyuc 10, Boror 8, Cúmez 10, Sical 10, Xoyón 8, Ixcot 8, Chavajay 10, Ajanel 8, Quiejú 5,
Chumil 8, Cuxil 6, Ajcot 5, Tecún 8, Tzic 6, Coy 10, Tum 10, Ixchop 5, Chen 8, Tot 8, Xuc 6, Yos 5, Sajché 5,
Chuc 8, Xitumul 6, Ixtabalán 4, Sapón 5, Tacám 4, Chiroy 5, Set 4, Xiloj 5, Tuy 5, Chalí 5, Ujpán 4, Patzán 5,
Sequén 4, Chajón 4, Tzay 4, Mux 5, Quisquiná 4, Xitamul 3, Chox 4, Tziquín 4, Quiej 5`)

export const SURNAMES_HT = table(`
Joseph 300, Jean 250, Pierre 250, Louis 200, Charles 150, Jean-Baptiste 120, François 80, Saint-Louis 60,
Baptiste 60, Michel 60, Paul 60, Augustin 50, Alexis 50, Étienne 50, Noël 50, Désir 40, Toussaint 40,
Jean-Louis 40, Simon 40, Dorvil 30, Célestin 30, Dorsainvil 20, Fils-Aimé 20, Saint-Fleur 20, Delva 20,
Laguerre 20, Thélusma 15, Exantus 15, Désiré 15, Bien-Aimé 15, Estimé 15, Destin 15, Jeune 15, Lamour 15,
Philogène 10`)

/** Surnames written with a particle, for the particles phenomenon. */
export const PARTICLE_SURNAMES: readonly string[] = ['De la Cruz', 'De León', 'De los Santos', 'De la Rosa', 'Del Ángel', 'De Jesús', 'De la Torre', 'Del Valle']

export const GIVEN_MALE = table(`
José 450, Juan 350, Luis 200, Carlos 180, Jesús 120, Miguel 120, Francisco 100, Antonio 100, Pedro 60,
Manuel 80, Jorge 80, Alejandro 80, Roberto 60, Fernando 60, Ricardo 50, Javier 50, Eduardo 50, Daniel 60,
David 50, Rafael 40, Mario 50, Sergio 40, Óscar 45, Raúl 35, Arturo 35, Enrique 35, Alberto 35, Héctor 35,
Víctor 40, Martín 35, Andrés 30, Ángel 45, Pablo 30, Ramón 30, Gerardo 30, Alfredo 25, Salvador 25,
Guillermo 25, Ignacio 20, Armando 20, Hugo 20, Rubén 20, Julio 25, Adrián 25, César 25, Edgar 30, Iván 20,
Diego 25, Gabriel 25, Santiago 10, Kevin 30, Brayan 25, Bryan 15, Jonathan 15, Wilmer 25, Walter 20,
Wilson 15, Nelson 20, Elmer 20, Edwin 25, Erick 20, Henry 15, Mauricio 15, Josué 25, Elvin 15, Selvin 15,
Denis 15, Marvin 20, Melvin 10, Kelvin 15, Alexander 20, Byron 10, Ronald 10, Wilfredo 10, Santos 20,
Domingo 10, Gregorio 10, Vicente 10, Lucas 10, Mariano 8, Guadalupe 10, Isidro 8, Gilberto 10, Humberto 10,
Rigoberto 10, Heriberto 6, Efraín 8, Moisés 10, Abel 8, Samuel 10, Ismael 10, Israel 10, Saúl 8, Noé 8,
Ulises 6, Omar 15, Orlando 10, Osvaldo 8, Misael 8, Jairo 8, Yefri 5, Yeison 5, Dilan 5, Anderson 8,
Darwin 8, Bairon 5, Ever 8, Gerson 8, Nery 6, Otoniel 5, Yovani 6, Everardo 6, Florencio 4, Crescencio 3,
Tiburcio 2, Apolinar 3, Margarito 4, Refugio 4, Cirilo 3, Baltazar 3, Jacinto 4, Xavier 5, Gustavo 15,
Ernesto 15, Alfonso 12, Eustaquio 2`)

export const GIVEN_FEMALE = table(`
María 500, Guadalupe 120, Juana 60, Margarita 50, Rosa 60, Ana 80, Francisca 30, Josefina 25, Patricia 40,
Elizabeth 40, Leticia 30, Alejandra 35, Verónica 30, Gabriela 35, Marta 30, Teresa 30, Yolanda 25,
Adriana 30, Silvia 30, Laura 35, Claudia 30, Sandra 35, Norma 25, Araceli 20, Carmen 40, Isabel 30, Luz 30,
Lucía 25, Sofía 20, Fernanda 20, Daniela 25, Andrea 25, Diana 25, Karla 25, Karina 25, Mónica 20, Alicia 20,
Angélica 20, Beatriz 20, Blanca 25, Carolina 20, Cecilia 15, Consuelo 10, Cristina 15, Dolores 15, Elena 20,
Esperanza 15, Gloria 20, Graciela 15, Irma 15, Julia 15, Lorena 15, Lourdes 15, Mercedes 15, Miriam 15,
Natalia 10, Olga 10, Paula 10, Rocío 15, Rosario 20, Ruth 10, Socorro 10, Susana 10, Victoria 10,
Ximena 10, Jimena 5, Esmeralda 20, Brenda 20, Jessica 20, Yesenia 20, Wendy 20, Heidy 10, Dayana 10,
Ingrid 10, Iris 10, Lesly 10, Nancy 15, Xiomara 10, Suyapa 15, Marleny 8, Glenda 8, Reina 10, Dilcia 6,
Lidia 10, Sara 10, Rebeca 8, Abigail 10, Berenice 8, Catarina 10, Petrona 10, Micaela 6, Juliana 6,
Tomasa 6, Sebastiana 5, Jacinta 5, Candelaria 5, Yanira 6, Keyla 6, Yadira 5, Maribel 10, Marisol 10,
Mayra 10, Nayeli 5, Noemí 8`)

export const GIVEN_HT_MALE = table(`
Jean 200, Pierre 80, Joseph 80, Louis 40, Jacques 30, Michel 30, Paul 30, André 20, Claude 30, Frantz 25,
Fritz 25, Wilner 20, Woodley 20, Jameson 20, Peterson 20, Stevenson 20, Wilfrid 15, Yves 15, Emmanuel 30,
Junior 20, Mackenson 15, Wisly 10, Wesner 10, Ricot 10, Kervens 15, Roodly 10, Wilson 15, Dieuveut 5,
Fritznel 8, Guerby 8, Lovensky 10`)

export const GIVEN_HT_FEMALE = table(`
Marie 250, Rose 60, Nadège 25, Guerline 20, Mirlande 20, Fabiola 20, Marlène 15, Nadine 15, Roseline 15,
Sherline 10, Widline 10, Guerda 10, Ketly 10, Lovely 10, Dieula 8, Magalie 10, Micheline 10, Ginette 8,
Annette 8, Géraldine 8, Jeanne 10, Wideline 8, Tamara 8, Islande 8, Darline 8`)

/** First words of compound given names, which carry most of them (José Luis, María Guadalupe). */
export const COMPOUND_FIRST_MALE = table('José 40, Juan 30, Luis 10, Jesús 6, Carlos 6, Miguel 8')
export const COMPOUND_FIRST_FEMALE = table('María 70, Ana 10, Rosa 6, Luz 4, Juana 3')
export const COMPOUND_FIRST_HT_MALE = table('Jean 80, Pierre 10, Joseph 10')
export const COMPOUND_FIRST_HT_FEMALE = table('Marie 85, Rose 15')

/** Nicknames as families and clerks use them; several are not in the engine's table. */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  José: ['Pepe', 'Chepe', 'Cheo'], Jesús: ['Chuy', 'Chucho'], Francisco: ['Paco', 'Pancho', 'Kiko'],
  Guadalupe: ['Lupe', 'Lupita'], Guillermo: ['Memo'], Ignacio: ['Nacho'], Eduardo: ['Lalo'],
  Roberto: ['Beto', 'Tito'], Alberto: ['Beto'], Antonio: ['Toño', 'Tony'], Enrique: ['Quique'], Gregorio: ['Goyo'],
  Vicente: ['Chente'], Alfonso: ['Poncho'], Fernando: ['Nando', 'Fer'], Rafael: ['Rafa'], Gustavo: ['Tavo'],
  Manuel: ['Manolo', 'Meño'], Luis: ['Wicho', 'Licho'], Salvador: ['Chava'], Sergio: ['Checo'], Ernesto: ['Neto'],
  Rosario: ['Chayo'], Mercedes: ['Meche'], Dolores: ['Lola'], Teresa: ['Tere'], Isabel: ['Chabela'],
  Patricia: ['Paty'], Verónica: ['Vero'], Leticia: ['Lety'], Alejandra: ['Ale'], Gabriela: ['Gaby'],
  Rocío: ['Chío'], Socorro: ['Coco'], Margarita: ['Mago', 'Maggie'], Juana: ['Juanita'], Ana: ['Anita'],
  Alejandro: ['Alex'], Daniel: ['Dani'], Miguel: ['Migue'], Javier: ['Javi'], Ricardo: ['Richi'],
  Carlos: ['Charly'], Jorge: ['Coque'], Pedro: ['Perico'], Héctor: ['Tito'], Adrián: ['Adri'], Samuel: ['Sammy'],
}

/** How a Spanish-speaking clerk writes Haitian names heard aloud. */
export const HAITIAN_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  Jean: ['Yan', 'Jan', 'Yean'], Pierre: ['Pier', 'Piere', 'Pierr'], Joseph: ['Yosef', 'Josef', 'Jozef'],
  Louis: ['Luis', 'Lui'], Jacques: ['Yak', 'Jak'], Michel: ['Mishel', 'Michell'], Charles: ['Charl', 'Sharl'],
  François: ['Fransua', 'Francois'], Étienne: ['Etien'], Wilner: ['Guilner', 'Wilne'], Woodley: ['Gudli', 'Wudley'],
  Stevenson: ['Estivenson', 'Stivenson'], Peterson: ['Piterson'], Jameson: ['Yemison'], 'Jean-Baptiste': ['Yan Batist', 'Jean Batiste'],
  Marie: ['Mari', 'Maria'], Rose: ['Ros', 'Roz'], Guerline: ['Gerlin'], Nadège: ['Nadeche', 'Nadech'], Mirlande: ['Mirland'],
  Dieula: ['Diela'], 'Saint-Louis': ['San Luis', 'Senlui'], Désir: ['Desir', 'Dezir'], Toussaint: ['Tusen', 'Tousaint'],
  Emmanuel: ['Emanuel'], Claude: ['Clod', 'Klod'], Fritz: ['Frits'], Frantz: ['Franz', 'Frants'],
}

/** Syllables of the synthetic long tail of surnames and given names nobody's table lists. */
export const TAIL_ONSETS: readonly string[] = ['b', 'c', 'ch', 'd', 'f', 'g', 'gu', 'j', 'l', 'll', 'm', 'n', 'p', 'qu', 'r', 's', 't', 'v', 'x', 'y', 'z', 'br', 'cr', 'tr', 'pl', 'h', '']
export const TAIL_VOWELS: readonly string[] = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ia', 'ue']
export const TAIL_SURNAME_ENDINGS: readonly string[] = ['ez', 'ado', 'ero', 'ino', 'ana', 'illo', 'ón', 'as', 'era', 'al', 'ar', 'edo', 'iga', 'ueta', 'aga', 'ín']
export const TAIL_GIVEN_ENDINGS_MALE: readonly string[] = ['o', 'ín', 'el', 'er', 'on', 'ian']
export const TAIL_GIVEN_ENDINGS_FEMALE: readonly string[] = ['a', 'ina', 'ela', 'ia', 'is', 'eth']
export const TAIL_HT_GIVEN_ENDINGS_MALE: readonly string[] = ['son', 'ens', 'ly', 'ley', 'ner', 'ord', 'el', 'ky']
export const TAIL_HT_GIVEN_ENDINGS_FEMALE: readonly string[] = ['ine', 'ette', 'ande', 'ie', 'line', 'na', 'elle']
export const TAIL_HT_SURNAME_ENDINGS: readonly string[] = ['il', 'us', 'ma', 'é', 'and', 'ier', 'ot', 'eau', 'ne', 'in']

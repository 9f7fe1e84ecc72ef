/** Text made safe for the places where Leaflet takes HTML: attributions and label icons. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

// Placeholder until the app shell lands: shows the collection's counts from /api/health.
const el = document.getElementById('counts');
fetch('/api/health')
  .then((r) => r.json())
  .then((h: { counts: { artworks: number; sites: number; artists: number } }) => {
    if (el) el.textContent = `${h.counts.artworks.toLocaleString('sv-SE')} konstverk på ${h.counts.sites} platser, av ${h.counts.artists.toLocaleString('sv-SE')} konstnärer.`;
  })
  .catch(() => {
    if (el) el.textContent = 'Kunde inte nå servern.';
  });

// The guide's pages as plain HTML: no scripts at all, images through responsive derivatives.
import { html, type Html } from './html.js';
import type { GuideSite, GuideWork } from './guide.queries.js';
import { WORDS, type Lang } from './guide.i18n.js';

export const CSS_HREF = '/guide/assets/guide.css?v=1';

function layout(lang: Lang, title: string, body: Html, opts: { langSwitchHref: string }): string {
  const w = WORDS[lang];
  return (
    '<!doctype html>' +
    html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${w.title}</title>
<link rel="stylesheet" href="${CSS_HREF}">
</head>
<body>
<a class="skip" href="#main">${lang === 'sv' ? 'Till innehållet' : 'Skip to content'}</a>
<header class="top"><a class="brand" href="/guide?lang=${lang}">${w.title}</a><a href="${opts.langSwitchHref}" lang="${w.languageHref}">${w.language}</a></header>
<main id="main">${body}</main>
<footer><p>${w.credits}</p><p><a href="/login">${w.signIn}</a></p></footer>
</body>
</html>`.value
  );
}

const img = (w: { sha256: string | null; title: string; artists: string | null; width: number | null; height: number | null; dominantColor: string | null }, sizes: string, cls = '') =>
  w.sha256
    ? html`<img class="${cls}" src="/media/${w.sha256}/medium.webp" srcset="/media/${w.sha256}/thumb.webp 256w, /media/${w.sha256}/medium.webp 1024w, /media/${w.sha256}/large.webp 2048w" sizes="${sizes}" alt="${w.title}${w.artists ? `, ${w.artists}` : ''}" width="${w.width ?? 1024}" height="${w.height ?? 768}" loading="lazy" decoding="async" style="background:${w.dominantColor && /^#[0-9a-f]{6}$/i.test(w.dominantColor) ? w.dominantColor : '#e7e4dc'}">`
    : html`<span class="ph" aria-hidden="true"></span>`;

export function sitesPage(lang: Lang, sites: GuideSite[]): string {
  const w = WORDS[lang];
  return layout(
    lang,
    w.sites,
    html`<h1>${w.title}</h1><p class="lede">${w.tagline}</p>
<h2>${w.sites}</h2>
<ul class="cards">${sites.map(
      (s) => html`<li><a href="/guide/${s.id}?lang=${lang}">${s.sha256 ? img({ sha256: s.sha256, title: '', artists: null, width: 256, height: 256, dominantColor: null }, '72px') : html`<span class="ph" aria-hidden="true"></span>`}<span><strong>${s.name}</strong><br><span class="meta">${s.municipality ?? ''}${s.municipality ? ' · ' : ''}${w.worksCount(s.works)}</span></span></a></li>`,
    )}</ul>`,
    { langSwitchHref: `/guide?lang=${w.languageHref}` },
  );
}

export const whereText = (lang: Lang, work: GuideWork) =>
  [work.buildingName, work.floorName, work.roomName].filter(Boolean).join(' · ') || WORDS[lang].closedArea;

export function sitePage(lang: Lang, site: { id: number; name: string; municipality: string | null }, works: GuideWork[]): string {
  const w = WORDS[lang];
  return layout(
    lang,
    site.name,
    html`<p><a href="/guide?lang=${lang}">← ${w.allSites}</a></p>
<h1>${site.name}</h1><p class="lede">${site.municipality ?? ''}${site.municipality ? ' · ' : ''}${w.worksCount(works.length)}</p>
<ul class="cards">${works.map(
      (x) => html`<li><a href="/guide/w/${encodeURIComponent(x.inventoryNumber)}?lang=${lang}">${img(x, '72px')}<span><strong>${x.title}</strong><br><span class="meta">${x.artists ?? ''}${x.yearFrom ? `, ${x.yearFrom}` : ''}<br>${whereText(lang, x)}</span></span></a></li>`,
    )}</ul>`,
    { langSwitchHref: `/guide/${site.id}?lang=${w.languageHref}` },
  );
}

export function workPage(lang: Lang, work: GuideWork, opts: { reported?: boolean } = {}): string {
  const w = WORDS[lang];
  const text = lang === 'sv' ? work.publicTextSv ?? work.publicTextEn : work.publicTextEn ?? work.publicTextSv;
  const self = `/guide/w/${encodeURIComponent(work.inventoryNumber)}`;
  return layout(
    lang,
    work.title,
    html`<p><a href="/guide/${work.siteId}?lang=${lang}">← ${work.siteName}</a></p>
${opts.reported ? html`<p class="note" role="status">${w.thanks}</p>` : ''}
<h1>${work.title}</h1>
<p class="lede">${work.artists ?? ''}${work.datingText ? `, ${work.datingText}` : ''}</p>
<figure class="work">${img(work, '(max-width: 46rem) 100vw, 46rem')}</figure>
${text ? html`<p>${text}</p>` : ''}
<dl class="facts">
${work.artists ? html`<dt>${w.artist}</dt><dd>${work.artists}</dd>` : ''}
${work.datingText ? html`<dt>${w.year}</dt><dd>${work.datingText}</dd>` : ''}
${work.technique ? html`<dt>${w.technique}</dt><dd>${work.technique}</dd>` : ''}
<dt>${w.where}</dt><dd>${work.siteName} · ${whereText(lang, work)}</dd>
</dl>
<p><a href="${self}/report?lang=${lang}">${w.reportLink}</a></p>`,
    { langSwitchHref: `${self}?lang=${w.languageHref}` },
  );
}

export type ReportFormState = { kind?: string; description?: string; contact?: string; errors?: string[] };

export function reportPage(lang: Lang, work: GuideWork, token: string, state: ReportFormState = {}): string {
  const w = WORDS[lang];
  const self = `/guide/w/${encodeURIComponent(work.inventoryNumber)}`;
  return layout(
    lang,
    w.reportTitle,
    html`<p><a href="${self}?lang=${lang}">← ${work.title}</a></p>
<h1>${w.reportTitle}</h1>
<p class="lede">${work.title}${work.artists ? ` – ${work.artists}` : ''}</p>
<p>${w.reportIntro}</p>
${state.errors?.length ? html`<div class="errors" role="alert"><ul>${state.errors.map((e) => html`<li>${e}</li>`)}</ul></div>` : ''}
<form class="report" method="post" action="${self}/report?lang=${lang}" enctype="multipart/form-data">
<input type="hidden" name="token" value="${token}">
<div class="hp" aria-hidden="true"><label for="website">Website</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<div><label for="kind">${w.reportKind}</label><select id="kind" name="kind" required>${Object.entries(w.kinds).map(([k, label]) => html`<option value="${k}" ${state.kind === k ? html`selected` : ''}>${label}</option>`)}</select></div>
<div><label for="description">${w.reportDescription}</label><textarea id="description" name="description" rows="4" maxlength="2000" required>${state.description ?? ''}</textarea></div>
<div><label for="photo">${w.reportPhoto}</label><input type="file" id="photo" name="photo" accept="image/jpeg,image/png,image/webp,image/heic" aria-describedby="photo-hint"><p class="hint" id="photo-hint">${w.reportPhotoHint}</p></div>
<div><label for="contact">${w.reportContact}</label><input type="text" id="contact" name="contact" maxlength="200" autocomplete="email" value="${state.contact ?? ''}"></div>
<div><button type="submit">${w.send}</button></div>
</form>`,
    { langSwitchHref: `${self}/report?lang=${w.languageHref}` },
  );
}

export function messagePage(lang: Lang, title: string, text: string, backHref = `/guide?lang=${lang}`): string {
  const w = WORDS[lang];
  return layout(lang, title, html`<h1>${title}</h1><p>${text}</p><p><a href="${backHref}">${w.allSites}</a></p>`, { langSwitchHref: `/guide?lang=${w.languageHref}` });
}

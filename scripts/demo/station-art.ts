// Facts about the art of Stockholm's metro stations (artist, year, title where known, kind of
// work), taken from the station art descriptions in the reference data (Swedish Wikipedia,
// CC BY-SA). Only facts are kept here, no sentences; works without a known title get a
// short descriptive one.
import type { ObjectTypeCode } from './vocabulary.js';

export interface StationWork {
  artists: string[];
  year?: number;
  title: string;
  type: ObjectTypeCode;
  technique: string;
}

export const STATION_ART: Record<string, StationWork[]> = {
  Abrahamsberg: [{ artists: ['Rigmor Roxner'], year: 1999, title: 'Muraler', type: 'ceramics', technique: 'glaserade kakelplattor' }],
  Åkeshov: [{ artists: ['Carl Fredrik Reuterswärd'], year: 1998, title: 'Den knutna revolvern', type: 'sculpture', technique: 'brons' }],
  Telefonplan: [{ artists: ['Bo Samuelsson'], year: 1997, title: 'Telefonplan', type: 'ceramics', technique: 'keramisk väggdekor' }],
  Alvik: [{ artists: ['Hensajaj Koda'], title: 'Utsmyckning i diabas och cortenstål', type: 'installation', technique: 'diabas, cortenstål' }],
  Vårberg: [{ artists: ['Maria Ängquist Klyvare'], year: 1996, title: 'Händer', type: 'mosaic', technique: 'mosaik' }],
  Ängbyplan: [{ artists: ['Åsa Lindström'], year: 1994, title: 'Keramiska väggar', type: 'ceramics', technique: 'keramik' }],
  Bredäng: [{ artists: ['Lena Kriström'], year: 1982, title: 'Pusselbitar', type: 'relief', technique: 'trä, reliefer' }],
  Bagarmossen: [{ artists: ['Gert Marcus'], title: 'Genomlysta glasskivor', type: 'glass', technique: 'glas' }],
  Bandhagen: [{ artists: ['Freddy Fraek'], year: 1983, title: 'Tumstocken', type: 'sculpture', technique: 'trä, koppar, ölandssten' }],
  Fittja: [{ artists: ['Carl Fredrik Reuterswärd'], year: 2002, title: 'Den knutna revolvern', type: 'sculpture', technique: 'brons' }],
  Björkhagen: [{ artists: ['Lenka Jonesson'], year: 1991, title: 'Utsmyckning på plattformen', type: 'relief', technique: 'blandteknik' }],
  Alby: [{ artists: ['Olle Ängkvist'], title: 'Blommor', type: 'painting', technique: 'målning på betong' }],
  Aspudden: [
    { artists: ['P G Thelander'], year: 1987, title: 'Pingvin', type: 'sculpture', technique: 'skulptur' },
    { artists: ['P G Thelander'], year: 1987, title: 'Reliefer på spårväggarna', type: 'relief', technique: 'emalj' },
  ],
  Blackeberg: [{ artists: ['Ruben Heleander'], title: 'Utsmyckning', type: 'relief', technique: 'blandteknik' }],
  Blåsut: [{ artists: ['Ann Edholm'], year: 2008, title: 'Fartränder', type: 'ceramics', technique: 'svart och vitt kakel' }],
  Sätra: [{ artists: ['Päivi Ernkvist'], year: 1994, title: 'Tusen och en natt', type: 'ceramics', technique: 'keramikplattor' }],
  Brommaplan: [{ artists: ['Peter Svedberg'], year: 1996, title: 'Flyget', type: 'installation', technique: 'plåt, glas, aluminium, fotografi' }],
  Enskedegård: [{ artists: ['Maria Miesenberger'], year: 2012, title: 'Ögonblick i rörelse', type: 'installation', technique: 'granitkeramik, aluminium' }],
  'Vårby gård': [{ artists: ['Rolf Bergström'], year: 1999, title: 'Flora', type: 'photograph', technique: 'fotomontage' }],
  Farsta: [{ artists: ['Gunnar Larson'], year: 1982, title: 'Förvandlingar i luftrummet', type: 'installation', technique: 'blandteknik' }],
  Västertorp: [{ artists: ['Jörgen Fogelquist'], year: 1982, title: 'Andrées färd', type: 'relief', technique: 'blandteknik' }],
  Hallunda: [{ artists: ['Kazuko Tamura'], year: 1993, title: 'Stavar och neon', type: 'installation', technique: 'plexiglas, neon' }],
  'Farsta strand': [
    { artists: ['Fredrik Jacobson'], year: 1993, title: 'Mosaik på golv och väggar', type: 'mosaic', technique: 'mosaik' },
    { artists: ['Kristina Anshelm'], year: 1997, title: 'Farstas historia', type: 'print', technique: 'träsnitt' },
  ],
  Liljeholmen: [{ artists: ['Carl-Axel Lunding'], title: 'Betongreliefer', type: 'relief', technique: 'betong' }],
  Fridhemsplan: [{ artists: ['Ingegerd Möller'], title: 'Strandfynd', type: 'installation', technique: 'trä, glas, strandfynd' }],
  'Gamla stan': [
    { artists: ['Göran Dahl'], year: 1998, title: 'Vädersolen', type: 'mosaic', technique: 'cementmosaik' },
    { artists: ['Britta Carlström'], year: 1998, title: 'Vävmönster', type: 'installation', technique: 'stål' },
  ],
  Globen: [{ artists: ['Joanna Troikowicz'], year: 1989, title: 'Stängsel med glaspyramider', type: 'installation', technique: 'stål, glas' }],
  Gubbängen: [{ artists: ['Ragnhild Alexandersson'], year: 1994, title: 'Väktare', type: 'sculpture', technique: 'brons' }],
  Gullmarsplan: [
    { artists: ['Leif Tjerned'], year: 1995, title: 'Kryparna', type: 'sculpture', technique: 'målat aluminium' },
    { artists: ['Leif Tjerned'], year: 1997, title: 'Änglarna', type: 'sculpture', technique: 'målat aluminium' },
  ],
  Mälarhöjden: [{ artists: ['Margareta Carlstedt'], year: 1965, title: 'Ebb och flod', type: 'painting', technique: 'målade emaljplåtar' }],
  Axelsberg: [{ artists: ['Leif Bolter', 'Veine Johansson', 'Inga Moden', 'Gösta Wessel'], year: 1983, title: 'Axelsberg', type: 'installation', technique: 'glas, betong, sand, järn' }],
  Hagsätra: [{ artists: ['Britta Simonsson-Örtenholm'], title: 'Musik', type: 'mosaic', technique: 'väggmosaik' }],
  Mariatorget: [
    { artists: ['Karin Björquist', 'Kjell Abramsson'], title: 'Keramikstavar', type: 'ceramics', technique: 'keramik' },
    { artists: ['Asmund Arle'], title: 'Människa och pelare', type: 'sculpture', technique: 'brons' },
  ],
  Hornstull: [{ artists: ['Berndt Helleberg'], year: 1964, title: 'Altamira', type: 'relief', technique: 'glaserat tegel' }],
  Skärholmen: [{ artists: ['Ulf Wahlberg'], year: 1990, title: 'En plats i New Mexico', type: 'painting', technique: 'olja, 23 målningar' }],
  Masmo: [{ artists: ['Staffan Hallström', 'Lasse Andreasson'], year: 1971, title: 'Ta ner solen i tunnelbanan', type: 'painting', technique: 'målade plåtar' }],
  'Hässelby Strand': [{ artists: ['Christian Partos'], year: 2000, title: 'Teleporteringar', type: 'mosaic', technique: 'klinkermosaik' }],
  Högdalen: [{ artists: ['Birgitta Muhr'], year: 2002, title: 'Tulpaner', type: 'sculpture', technique: 'brons, lack' }],
  Hökarängen: [{ artists: ['Hanns Karlewski'], year: 1995, title: 'Bronsskulpturer', type: 'sculpture', technique: 'brons' }],
  Hötorget: [{ artists: ['Gun Gordillo'], year: 1998, title: 'Linjer i neon', type: 'installation', technique: 'neon' }],
  Östermalmstorg: [{ artists: ['Siri Derkert'], title: 'Kvinnosaken, freds- och miljörörelsen', type: 'relief', technique: 'blästrad betong' }],
  'Tekniska högskolan': [{ artists: ['Lennart Mörk'], title: 'Elementen och naturlagarna', type: 'installation', technique: 'blandteknik' }],
  Kärrtorp: [{ artists: ['Björn Olsen'], year: 1994, title: 'Ljuslådor med hemliga tecken', type: 'installation', technique: 'ljuslådor' }],
  Kristineberg: [{ artists: ['Carina Wallert'], year: 1991, title: 'Resande med djur', type: 'sculpture', technique: 'brons' }],
  Medborgarplatsen: [{ artists: ['Mari Pårup'], year: 1997, title: 'Väggdekor och golvmosaik', type: 'mosaic', technique: 'mosaik' }],
  Ropsten: [{ artists: ['Roland Kämpe'], title: 'Ormen', type: 'painting', technique: 'målning på plåt' }],
  Kista: [{ artists: ['Lars Erik Falk'], title: 'Aluminiumprofiler', type: 'installation', technique: 'målat aluminium' }],
  Karlaplan: [
    { artists: ['Tor Hörlin'], year: 1967, title: 'Nisch', type: 'ceramics', technique: 'stengods' },
    { artists: ['Larseric Vänerlöf'], year: 1983, title: 'Fotomontage', type: 'photograph', technique: 'fotomontage' },
  ],
  'Danderyds sjukhus': [
    { artists: ['Klara Källström'], year: 2008, title: 'Spårväggar', type: 'photograph', technique: 'fotografiskt tryck på emalj' },
    { artists: ['Hertha Hillfon'], year: 1978, title: 'Läkeväxter och symboler i folktron', type: 'ceramics', technique: 'keramik' },
    { artists: ['Pierre Olofsson'], title: 'Livets träd', type: 'relief', technique: 'puts och konststen' },
  ],
  Universitetet: [{ artists: ['Françoise Schein'], year: 1997, title: 'Mänskliga rättigheter', type: 'ceramics', technique: 'keramiska plattor' }],
  Gärdet: [{ artists: ['Karl Axel Pehrson'], year: 1967, title: 'Fantasiskalbaggar', type: 'relief', technique: 'blandteknik' }],
  'Sundbybergs Centrum': [{ artists: ['Lars Kleen', 'Michael Söderlundh', 'Peter Tillberg'], year: 1985, title: 'Husfasader och människans sinnen', type: 'sculpture', technique: 'skulptur' }],
  'Solna Centrum': [
    { artists: ['Karl-Olov Björk'], year: 1975, title: 'Sverigemotiv', type: 'painting', technique: 'målning' },
    { artists: ['Anders Åberg'], year: 1975, title: 'Tittskåp', type: 'installation', technique: 'blandteknik' },
  ],
  Stadshagen: [{ artists: ['Lasse Lindqvist'], title: 'Idrottsbilder', type: 'painting', technique: 'målning på veckad plåt' }],
  Rådmansgatan: [{ artists: ['Sture V Nilsson'], year: 1983, title: 'Strindbergsemaljer', type: 'relief', technique: 'emalj' }],
  Tensta: [{ artists: ['Helga Henschen'], title: 'En ros till invandrarna', type: 'painting', technique: 'väggmålning' }],
  Rådhuset: [{ artists: ['Sigvard Olsson'], title: 'Kungsholmens historia', type: 'installation', technique: 'blandteknik' }],
  Rågsved: [{ artists: ['Björn Selder'], year: 1983, title: 'Fågel Grön', type: 'sculpture', technique: 'brons' }],
  Rinkeby: [{ artists: ['Nisse Zetterberg'], title: 'Runinskrifter', type: 'relief', technique: 'tegel, guld' }],
  Stadion: [{ artists: ['Åke Pallarp', 'Enno Hallek'], title: 'Stockholms Stadion', type: 'painting', technique: 'väggmålning' }],
  'Västra skogen': [{ artists: ['Sivert Lindblom'], title: 'Ingentingskogen', type: 'installation', technique: 'blandteknik' }],
  'Mörby Centrum': [{ artists: ['Karin Ek', 'Gösta Wessel'], title: 'Skuggmålningar', type: 'painting', technique: 'målning' }],
  Husby: [{ artists: ['Birgit Broms'], title: 'Björkstammar och Vaxholmsbåtar', type: 'painting', technique: 'väggmålning' }],
  Bergshamra: [{ artists: ['Göran Dahl', 'Carl Johan De Geer', 'Kristina Anshelm'], year: 1978, title: 'Röster från det förflutna', type: 'relief', technique: 'ristningar' }],
  Hallonbergen: [
    { artists: ['Elis Eriksson'], year: 1975, title: 'Plåtskulpturer', type: 'sculpture', technique: 'plåt' },
    { artists: ['Gösta Wallmark'], year: 1982, title: 'Barnteckningar', type: 'painting', technique: 'väggmålning' },
  ],
  Kungsträdgården: [{ artists: ['Ulrik Samuelson'], title: 'Palatsen', type: 'installation', technique: 'blandteknik' }],
  Akalla: [{ artists: ['Birgit Ståhl-Nyberg'], title: 'Keramikmålningar', type: 'ceramics', technique: 'keramik' }],
  Rissne: [{ artists: ['Madeleine Dranger', 'Rolf H Reimers'], year: 1985, title: 'Tidsaxel', type: 'installation', technique: 'text på vägg' }],
  Skärmarbrink: [{ artists: ['Carl Magnus'], year: 1990, title: 'Bronsskulpturer', type: 'sculpture', technique: 'brons' }],
  Skarpnäck: [{ artists: ['Richard Nonas'], title: 'Bänkar', type: 'sculpture', technique: 'granit' }],
  Skogskyrkogården: [{ artists: ['Hans Bartos'], year: 1975, title: 'Träskulptur', type: 'sculpture', technique: 'trä' }],
  Slussen: [
    { artists: ['Astor Forsberg', 'Birger Forsberg'], year: 1965, title: 'Entre 70 öre', type: 'relief', technique: 'väggdekor' },
    { artists: ['Sune Fogde'], year: 1965, title: 'Väggdekor', type: 'relief', technique: 'emaljerad plåt och sten' },
  ],
  Sockenplan: [{ artists: ['Sture Collin'], year: 1990, title: 'Dårarnas båt', type: 'sculpture', technique: 'skulptur' }],
  Huvudsta: [{ artists: ['Per Holmberg'], year: 1985, title: 'Hängande trädgårdar', type: 'installation', technique: 'blandteknik' }],
  'Stora mossen': [{ artists: ['Marianna Zaborska'], year: 2002, title: 'Orange linje', type: 'ceramics', technique: 'klinker, emaljerad plåt' }],
  Stureby: [{ artists: ['Carin Ellberg'], year: 2012, title: 'Skulptur', type: 'sculpture', technique: 'grönpatinerad brons' }],
  Svedmyra: [
    { artists: ['Torgny Larsson'], year: 1991, title: 'Glasskärm med lövträdsblad', type: 'glass', technique: 'glas' },
    { artists: ['Barbro Johansson'], year: 1991, title: 'Hissväggen', type: 'ceramics', technique: 'keramik' },
    { artists: ['Torgny Larsson'], year: 2012, title: 'Fondvägg', type: 'mosaic', technique: 'mosaik' },
  ],
  'Solna Strand': [{ artists: ['Takashi Naraha'], year: 1985, title: 'Himmelen av kub', type: 'sculpture', technique: 'skulptur' }],
  'T-Centralen': [
    { artists: ['Egon Möller-Nielsen'], year: 1957, title: 'Soffor', type: 'sculpture', technique: 'stengöt' },
    { artists: ['Anders Österlin', 'Signe Persson-Melin'], year: 1957, title: 'Klaravagnen', type: 'ceramics', technique: 'keramisk väggdekor' },
    { artists: ['Berndt Helleberg'], year: 1957, title: 'Linje', type: 'relief', technique: 'relief' },
    { artists: ['Siri Derkert'], year: 1957, title: 'Kvinnopelaren', type: 'relief', technique: 'ristning i betong' },
  ],
  Hjulsta: [{ artists: ['Christina Rundqvist Andersson', 'Olle Magnusson', 'Ruth Rydfeldt'], title: 'Utsmyckning', type: 'installation', technique: 'blandteknik' }],
  Norsborg: [{ artists: ['Eva Moritz', 'Peter Moritz'], year: 2006, title: 'Min vän', type: 'sculpture', technique: 'aluminium' }],
  Duvbo: [{ artists: ['Gösta Sillen'], year: 1985, title: 'Fossiler', type: 'relief', technique: 'relief' }],
  Thorildsplan: [
    { artists: ['Huck Hultgren'], title: 'Träsol', type: 'relief', technique: 'trä' },
    { artists: ['Lars Arrhenius'], title: 'Pixlar', type: 'ceramics', technique: 'kakelplattor' },
  ],
  Vällingby: [{ artists: ['Casimir Djuric'], title: 'Betongträd', type: 'sculpture', technique: 'betong' }],
  Midsommarkransen: [{ artists: [], year: 1979, title: 'Midsommarkrans', type: 'sculpture', technique: 'trä' }],
};

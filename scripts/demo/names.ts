// Name material for the demo artists: common Nordic first names and surnames, some
// international ones. Generated people are fictional combinations.

export interface NamePool {
  nationality: string; // ISO 3166-1 alpha-2
  weight: number;
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
}

export const NAME_POOLS: readonly NamePool[] = [
  {
    nationality: 'SE',
    weight: 62,
    female: ['Anna', 'Eva', 'Maria', 'Karin', 'Kristina', 'Lena', 'Kerstin', 'Ingrid', 'Birgitta', 'Margareta', 'Elisabeth', 'Marie', 'Ulla', 'Barbro', 'Gunilla', 'Inger', 'Britt', 'Agneta', 'Monica', 'Helena', 'Cecilia', 'Sara', 'Emma', 'Johanna', 'Linnea', 'Elsa', 'Astrid', 'Greta', 'Signe', 'Sigrid', 'Vera', 'Maja', 'Ebba', 'Alva', 'Ester', 'Hedvig', 'Siri', 'Tove', 'Ylva', 'Åsa', 'Märta', 'Gun', 'Ulrika', 'Annika', 'Malin', 'Camilla', 'Jenny', 'Frida', 'Ida', 'Klara', 'Matilda', 'Rut', 'Stina', 'Viveka', 'Lotta', 'Mona', 'Berit', 'Solveig', 'Nanna', 'Irma'],
    male: ['Lars', 'Karl', 'Erik', 'Anders', 'Per', 'Johan', 'Nils', 'Olof', 'Gunnar', 'Sven', 'Bengt', 'Göran', 'Bo', 'Åke', 'Lennart', 'Hans', 'Peter', 'Mikael', 'Stefan', 'Jan', 'Ulf', 'Gösta', 'Sture', 'Sigvard', 'Torsten', 'Ivar', 'Einar', 'Axel', 'Gustav', 'Oskar', 'Elis', 'Folke', 'Harald', 'Ragnar', 'Rune', 'Staffan', 'Tore', 'Björn', 'Mats', 'Magnus', 'Fredrik', 'Henrik', 'Jonas', 'Martin', 'Daniel', 'Viktor', 'Oscar', 'Hugo', 'Arvid', 'Ture', 'Gerhard', 'Kjell', 'Leif', 'Roland', 'Ingemar', 'Evert', 'Carl-Axel', 'Jan-Erik', 'Nisse', 'Pelle'],
    surnames: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Lindström', 'Lindqvist', 'Lindgren', 'Berg', 'Bergström', 'Axelsson', 'Lundberg', 'Lundgren', 'Lundqvist', 'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Forsberg', 'Sjöberg', 'Wallin', 'Engström', 'Eklund', 'Danielsson', 'Lundin', 'Håkansson', 'Björk', 'Bergman', 'Gunnarsson', 'Holm', 'Wikström', 'Samuelsson', 'Isaksson', 'Fransson', 'Bergqvist', 'Nyström', 'Holmberg', 'Arvidsson', 'Löfgren', 'Söderberg', 'Nyberg', 'Blomqvist', 'Claesson', 'Nordström', 'Mårtensson', 'Lundström', 'Ekström', 'Ström', 'Hellström', 'Åberg', 'Sundberg', 'Sundström', 'Dahlberg', 'Hedlund', 'Sjögren', 'Falk', 'Ek', 'Strand', 'Almqvist', 'Lind', 'Hedberg', 'Åkesson', 'Malmberg', 'Nordin', 'Norberg', 'Hägg', 'Rydberg', 'Kronqvist', 'Wahlberg', 'Palmgren', 'Granlund', 'Ekman', 'Rosén', 'Hallberg', 'Sjöstrand', 'Ahlgren', 'Fogelberg', 'Torstensson', 'Öberg', 'Ängkvist', 'Wennerström', 'Ljungberg', 'Stenberg', 'Grip', 'Silfverberg', 'Lilja', 'Dahl'],
  },
  {
    nationality: 'FI',
    weight: 9,
    female: ['Aino', 'Helmi', 'Kaarina', 'Liisa', 'Päivi', 'Riitta', 'Tuula', 'Sirpa', 'Anneli', 'Leena', 'Marjatta', 'Hanna', 'Johanna', 'Satu', 'Tiina', 'Elina', 'Outi', 'Kirsi', 'Minna', 'Sanna'],
    male: ['Juha', 'Timo', 'Matti', 'Kari', 'Mikko', 'Jukka', 'Pekka', 'Antti', 'Heikki', 'Markku', 'Eero', 'Ilmari', 'Tapio', 'Veikko', 'Risto', 'Jussi', 'Lauri', 'Olli', 'Aarne', 'Väinö'],
    surnames: ['Korhonen', 'Virtanen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen', 'Lehtonen', 'Lehtinen', 'Saarinen', 'Salminen', 'Heinonen', 'Niemi', 'Kinnunen', 'Salonen', 'Turunen', 'Salo', 'Laitinen', 'Tuominen', 'Rantanen', 'Karjalainen', 'Jokinen', 'Mattila', 'Savolainen', 'Lahtinen', 'Ahonen', 'Kallio'],
  },
  {
    nationality: 'NO',
    weight: 6,
    female: ['Ingeborg', 'Solveig', 'Randi', 'Kari', 'Liv', 'Gunhild', 'Tone', 'Hege', 'Sigrun', 'Marit', 'Silje', 'Ragnhild', 'Ane', 'Torunn', 'Bodil'],
    male: ['Ole', 'Knut', 'Arne', 'Terje', 'Geir', 'Odd', 'Trond', 'Øystein', 'Håkon', 'Sigurd', 'Bjørn', 'Eirik', 'Kjetil', 'Tor', 'Halvor'],
    surnames: ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Haugen', 'Hagen', 'Bakke', 'Berge', 'Halvorsen', 'Solberg', 'Moen', 'Dahl', 'Lie', 'Strand', 'Holm', 'Aas', 'Lunde', 'Brekke', 'Vik', 'Næss', 'Sæther', 'Haug', 'Eide', 'Fjeld'],
  },
  {
    nationality: 'DK',
    weight: 6,
    female: ['Mette', 'Hanne', 'Susanne', 'Lene', 'Birthe', 'Pia', 'Tove', 'Inge', 'Karen', 'Lone', 'Dorthe', 'Signe', 'Ida', 'Freja', 'Ditte'],
    male: ['Jens', 'Søren', 'Niels', 'Henrik', 'Poul', 'Jørgen', 'Mogens', 'Rasmus', 'Asger', 'Kasper', 'Morten', 'Troels', 'Bent', 'Preben', 'Claus'],
    surnames: ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen', 'Kjær', 'Bruun', 'Holst', 'Vestergaard', 'Lauridsen', 'Dam'],
  },
  {
    nationality: 'IS',
    weight: 1,
    female: ['Guðrún', 'Sigríður', 'Kristín', 'Helga', 'Katrín'],
    male: ['Jón', 'Sigurður', 'Gunnar', 'Ólafur', 'Einar'],
    surnames: ['Jónsdóttir', 'Sigurðsson', 'Guðmundsdóttir', 'Einarsson', 'Ólafsson', 'Magnúsdóttir', 'Stefánsson', 'Kristjánsdóttir'],
  },
  {
    nationality: 'DE',
    weight: 4,
    female: ['Anke', 'Ulrike', 'Sabine', 'Petra', 'Gisela', 'Renate', 'Katrin', 'Heike', 'Jutta', 'Hannelore'],
    male: ['Klaus', 'Jürgen', 'Wolfgang', 'Dieter', 'Günter', 'Horst', 'Uwe', 'Matthias', 'Stefan', 'Jörg'],
    surnames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Wolf', 'Schröder', 'Neumann'],
  },
  {
    nationality: 'GB',
    weight: 2,
    female: ['Sarah', 'Claire', 'Helen', 'Rachel', 'Emily', 'Alice', 'Fiona', 'Kate'],
    male: ['David', 'Richard', 'James', 'Andrew', 'Simon', 'Neil', 'Tom', 'Graham'],
    surnames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Hughes', 'Green', 'Hall'],
  },
  {
    nationality: 'US',
    weight: 2,
    female: ['Jennifer', 'Susan', 'Laura', 'Nancy', 'Karen', 'Lisa', 'Amy', 'Ruth'],
    male: ['Michael', 'Robert', 'John', 'William', 'Gary', 'Mark', 'Paul', 'Steven'],
    surnames: ['Miller', 'Davis', 'Moore', 'Anderson', 'Jackson', 'White', 'Harris', 'Martin', 'Clark', 'Lewis', 'Young', 'King'],
  },
  {
    nationality: 'FR',
    weight: 2,
    female: ['Claire', 'Sophie', 'Isabelle', 'Nathalie', 'Camille', 'Hélène', 'Élise', 'Françoise'],
    male: ['Pierre', 'Jean', 'Michel', 'Philippe', 'Alain', 'François', 'Luc', 'Étienne'],
    surnames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', 'Fontaine'],
  },
  {
    nationality: 'PL',
    weight: 1.5,
    female: ['Agnieszka', 'Katarzyna', 'Małgorzata', 'Joanna', 'Ewa', 'Magdalena'],
    male: ['Piotr', 'Krzysztof', 'Andrzej', 'Tomasz', 'Paweł', 'Marek'],
    surnames: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Dąbrowski'],
  },
  {
    nationality: 'EE',
    weight: 1,
    female: ['Kadri', 'Liis', 'Tiina', 'Kersti', 'Mari'],
    male: ['Toomas', 'Jaan', 'Andres', 'Priit', 'Rein'],
    surnames: ['Tamm', 'Saar', 'Sepp', 'Mägi', 'Kask', 'Kukk', 'Rebane', 'Ilves', 'Pärn', 'Koppel'],
  },
  {
    nationality: 'CL',
    weight: 1,
    female: ['Carmen', 'Isabel', 'Lucía', 'Paula', 'Valentina'],
    male: ['Carlos', 'Jorge', 'Luis', 'Pablo', 'Sergio'],
    surnames: ['González', 'Muñoz', 'Rojas', 'Díaz', 'Pérez', 'Soto', 'Contreras', 'Silva', 'Morales', 'Fuentes'],
  },
  {
    nationality: 'IR',
    weight: 1,
    female: ['Shirin', 'Parisa', 'Leila', 'Maryam', 'Nasrin'],
    male: ['Reza', 'Dariush', 'Behzad', 'Kaveh', 'Farhad'],
    surnames: ['Ahmadi', 'Hosseini', 'Karimi', 'Rahimi', 'Moradi', 'Jafari', 'Sadeghi', 'Rostami'],
  },
  {
    nationality: 'JP',
    weight: 0.8,
    female: ['Yuki', 'Keiko', 'Naoko', 'Akiko', 'Emi'],
    male: ['Hiroshi', 'Kenji', 'Takeshi', 'Satoshi', 'Makoto'],
    surnames: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Nakamura', 'Kobayashi'],
  },
];

/** Lower-case, diacritics folded, single spaces: "Päivi Ernkvist" → "paivi ernkvist". */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/ð/g, 'd')
    .replace(/þ/g, 'th')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Carl Fredrik Reuterswärd" → "Reuterswärd, Carl Fredrik"; a single word stays as it is. */
export function sortNameOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return name.trim();
  // Keep particles with the surname: "Carl Johan De Geer" → "De Geer, Carl Johan".
  let i = parts.length - 1;
  while (i > 1 && /^(de|af|von|van|der|la|le)$/i.test(parts[i - 1] as string)) i--;
  return `${parts.slice(i).join(' ')}, ${parts.slice(0, i).join(' ')}`;
}

"""Where the world's capitals and best-known cities lie: a hand-written table, for telling a city a rewrite moves to
another country ("near Malmo" -> "near Malmo in Norway") and a capital's dateline ("PARIS (Reuters) -") that ties a
story to its country.

The table is written from common knowledge, not downloaded. A city is in the country it lies in today, with the
countries that also count for it: a namesake as well known ("Paris, Texas": the United States; "London, Ontario":
Canada), a former state it lay in ("Kyiv, Soviet Union"), a contested one ("Sevastopol": Ukraine and Russia) or the
island ("Belfast, Ireland"). Names shared by many cities (Santiago, San Jose, Hamilton, Victoria, Panama City) and
cities whose country is disputed (Jerusalem) are left out: the table stays quiet on them. A capital is the seat of
government news datelines give (not Colombo, whose official capital is Sri Jayawardenepura Kotte; not Chile's
Valparaiso, where only its congress sits; Santiago is left out as above).
"""

from __future__ import annotations

import re
import unicodedata

# Each country's ways of writing it after a city, its name as the entity tables give it first ("United Kingdom",
# not "Britain"). Not "Georgia" (a US state: "Atlanta, Georgia") nor "Washington" (a state and a city).
_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "United States": ("United States", "United States of America", "U.S.", "US", "USA", "U.S.A.", "America"),
    "United Kingdom": ("United Kingdom", "U.K.", "UK", "Britain", "Great Britain"),
    "England": ("England",),
    "Scotland": ("Scotland",),
    "Wales": ("Wales",),
    "Northern Ireland": ("Northern Ireland",),
    "Ireland": ("Ireland", "Republic of Ireland", "Irish Republic"),
    "Soviet Union": ("Soviet Union", "USSR", "U.S.S.R."),
    "Yugoslavia": ("Yugoslavia",),
    "Czechoslovakia": ("Czechoslovakia",),
    "Russia": ("Russia", "Russian Federation"),
    "China": ("China", "People's Republic of China", "mainland China"),
    "Taiwan": ("Taiwan",),
    "South Korea": ("South Korea", "Republic of Korea"),
    "North Korea": ("North Korea",),
    "Korea": ("Korea",),
    "Japan": ("Japan",),
    "India": ("India",),
    "Pakistan": ("Pakistan",),
    "Bangladesh": ("Bangladesh",),
    "Sri Lanka": ("Sri Lanka", "Ceylon"),
    "Nepal": ("Nepal",),
    "Afghanistan": ("Afghanistan",),
    "Iran": ("Iran",),
    "Iraq": ("Iraq",),
    "Syria": ("Syria",),
    "Lebanon": ("Lebanon",),
    "Israel": ("Israel",),
    "Jordan": ("Jordan",),
    "Saudi Arabia": ("Saudi Arabia",),
    "Yemen": ("Yemen",),
    "Oman": ("Oman",),
    "United Arab Emirates": ("United Arab Emirates", "UAE", "U.A.E."),
    "Qatar": ("Qatar",),
    "Bahrain": ("Bahrain",),
    "Kuwait": ("Kuwait",),
    "Turkey": ("Turkey", "Türkiye", "Turkiye"),
    "Cyprus": ("Cyprus",),
    "Egypt": ("Egypt",),
    "Libya": ("Libya",),
    "Tunisia": ("Tunisia",),
    "Algeria": ("Algeria",),
    "Morocco": ("Morocco",),
    "Sudan": ("Sudan",),
    "South Sudan": ("South Sudan",),
    "Ethiopia": ("Ethiopia",),
    "Eritrea": ("Eritrea",),
    "Somalia": ("Somalia",),
    "Kenya": ("Kenya",),
    "Uganda": ("Uganda",),
    "Tanzania": ("Tanzania",),
    "Rwanda": ("Rwanda",),
    "Burundi": ("Burundi",),
    "Democratic Republic of the Congo": (
        "Democratic Republic of the Congo",
        "Democratic Republic of Congo",
        "DR Congo",
        "DRC",
        "Zaire",
    ),
    "Republic of the Congo": ("Republic of the Congo", "Republic of Congo", "Congo-Brazzaville"),
    "Congo": ("Congo",),
    "Nigeria": ("Nigeria",),
    "Ghana": ("Ghana",),
    "Ivory Coast": ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"),
    "Senegal": ("Senegal",),
    "Mali": ("Mali",),
    "Niger": ("Niger",),
    "Burkina Faso": ("Burkina Faso",),
    "Cameroon": ("Cameroon",),
    "Angola": ("Angola",),
    "Zambia": ("Zambia",),
    "Zimbabwe": ("Zimbabwe",),
    "Mozambique": ("Mozambique",),
    "Malawi": ("Malawi",),
    "Madagascar": ("Madagascar",),
    "South Africa": ("South Africa",),
    "Namibia": ("Namibia",),
    "Botswana": ("Botswana",),
    "France": ("France",),
    "Germany": ("Germany", "West Germany", "East Germany"),
    "Austria": ("Austria",),
    "Switzerland": ("Switzerland",),
    "Italy": ("Italy",),
    "Spain": ("Spain",),
    "Portugal": ("Portugal",),
    "Netherlands": ("Netherlands", "Holland"),
    "Belgium": ("Belgium",),
    "Denmark": ("Denmark",),
    "Norway": ("Norway",),
    "Sweden": ("Sweden",),
    "Finland": ("Finland",),
    "Iceland": ("Iceland",),
    "Poland": ("Poland",),
    "Czech Republic": ("Czech Republic", "Czechia"),
    "Slovakia": ("Slovakia",),
    "Hungary": ("Hungary",),
    "Romania": ("Romania",),
    "Bulgaria": ("Bulgaria",),
    "Greece": ("Greece",),
    "Serbia": ("Serbia",),
    "Croatia": ("Croatia",),
    "Slovenia": ("Slovenia",),
    "Bosnia and Herzegovina": ("Bosnia and Herzegovina", "Bosnia-Herzegovina", "Bosnia"),
    "Montenegro": ("Montenegro",),
    "North Macedonia": ("North Macedonia", "Macedonia"),
    "Albania": ("Albania",),
    "Kosovo": ("Kosovo",),
    "Ukraine": ("Ukraine",),
    "Belarus": ("Belarus",),
    "Moldova": ("Moldova",),
    "Lithuania": ("Lithuania",),
    "Latvia": ("Latvia",),
    "Estonia": ("Estonia",),
    "Armenia": ("Armenia",),
    "Azerbaijan": ("Azerbaijan",),
    "Kazakhstan": ("Kazakhstan",),
    "Uzbekistan": ("Uzbekistan",),
    "Turkmenistan": ("Turkmenistan",),
    "Kyrgyzstan": ("Kyrgyzstan",),
    "Tajikistan": ("Tajikistan",),
    "Mongolia": ("Mongolia",),
    "Myanmar": ("Myanmar", "Burma"),
    "Thailand": ("Thailand",),
    "Vietnam": ("Vietnam",),
    "Cambodia": ("Cambodia",),
    "Laos": ("Laos",),
    "Malaysia": ("Malaysia",),
    "Indonesia": ("Indonesia",),
    "Philippines": ("Philippines",),
    "Australia": ("Australia",),
    "New Zealand": ("New Zealand",),
    "Papua New Guinea": ("Papua New Guinea",),
    "Fiji": ("Fiji",),
    "Canada": ("Canada",),
    "Mexico": ("Mexico",),
    "Guatemala": ("Guatemala",),
    "Honduras": ("Honduras",),
    "El Salvador": ("El Salvador",),
    "Nicaragua": ("Nicaragua",),
    "Costa Rica": ("Costa Rica",),
    "Panama": ("Panama",),
    "Cuba": ("Cuba",),
    "Haiti": ("Haiti",),
    "Dominican Republic": ("Dominican Republic",),
    "Jamaica": ("Jamaica",),
    "Trinidad and Tobago": ("Trinidad and Tobago", "Trinidad"),
    "Colombia": ("Colombia",),
    "Venezuela": ("Venezuela",),
    "Ecuador": ("Ecuador",),
    "Peru": ("Peru",),
    "Bolivia": ("Bolivia",),
    "Chile": ("Chile",),
    "Argentina": ("Argentina",),
    "Uruguay": ("Uruguay",),
    "Paraguay": ("Paraguay",),
    "Brazil": ("Brazil",),
    "Guyana": ("Guyana",),
}

# A part of a country that news writes as a country after a city ("Glasgow, Scotland"), and the country it is in.
_PART_OF = {
    "England": "United Kingdom",
    "Scotland": "United Kingdom",
    "Wales": "United Kingdom",
    "Northern Ireland": "United Kingdom",
}
# States now gone whose cities news still places in them ("Leningrad, Soviet Union", "Prague, Czechoslovakia").
_FORMER_STATE = {
    **dict.fromkeys(
        "Russia Ukraine Belarus Moldova Lithuania Latvia Estonia Armenia Azerbaijan Kazakhstan Uzbekistan "
        "Turkmenistan Kyrgyzstan Tajikistan Georgia".split(),
        "Soviet Union",
    ),
    **dict.fromkeys(
        ("Serbia", "Croatia", "Slovenia", "Bosnia and Herzegovina", "Montenegro", "North Macedonia", "Kosovo"),
        "Yugoslavia",
    ),
    "Czech Republic": "Czechoslovakia",
    "Slovakia": "Czechoslovakia",
}

# Country: its cities, a capital marked "*", other names of one city after "/" (an old name, a local spelling).
# A city's further countries (a namesake, a contested one) follow it in brackets: "Paris (United States)".
_CITIES = """
United States: *Washington, New York/New York City, Los Angeles (Chile), Chicago, Houston, Phoenix, Philadelphia,
  San Antonio, San Diego, Dallas, Austin, Jacksonville, Fort Worth, Columbus, Charlotte, San Francisco,
  Indianapolis, Seattle, Denver, Nashville, Oklahoma City, El Paso, Boston (United Kingdom), Las Vegas, Detroit,
  Louisville, Baltimore, Milwaukee, Albuquerque, Tucson, Fresno, Sacramento, Kansas City, Atlanta, Miami,
  Minneapolis, New Orleans, Cleveland, Pittsburgh, Cincinnati, St. Louis (Senegal), Tampa, Orlando, Honolulu, Anchorage,
  Salt Lake City, Raleigh, Buffalo, Newark (United Kingdom), Providence, Omaha, Des Moines, Little Rock, Boise,
  Santa Fe (Argentina), Charleston, Savannah, Memphis (Egypt), Ferguson, Uvalde, Parkland
England: *London (Canada), Birmingham (United States), Manchester (United States), Liverpool, Leeds, Sheffield,
  Bristol (United States), Newcastle (Australia, South Africa), Nottingham, Leicester, Southampton,
  Portsmouth (United States), Brighton (United States, Australia), Oxford (United States), Cambridge (United States),
  Coventry, Hull (Canada), Bradford, Plymouth (United States), York (United States), Dover (United States),
  Salisbury (United States, Zimbabwe)
Scotland: Edinburgh, Glasgow, Aberdeen (United States), Dundee, Inverness
Wales: Cardiff, Swansea
Northern Ireland: Belfast (Ireland), Derry/Londonderry (Ireland)
Ireland: *Dublin (United States), Cork, Galway, Limerick
France: *Paris (United States), Marseille/Marseilles, Lyon/Lyons, Toulouse, Nice, Nantes, Strasbourg, Montpellier,
  Bordeaux, Lille, Rennes, Grenoble, Calais, Le Havre, Cannes
Germany: *Berlin, Hamburg, Munich/München, Cologne/Köln, Frankfurt, Stuttgart, Düsseldorf, Dortmund, Essen, Leipzig,
  Bremen, Dresden, Hanover/Hannover (United States), Nuremberg/Nürnberg,
  Bonn, Heidelberg, Karlsruhe, Mannheim, Magdeburg, Rostock
Austria: *Vienna/Wien, Salzburg, Innsbruck, Graz, Linz
Switzerland: *Bern/Berne, Zurich/Zürich, Geneva (United States), Basel, Lausanne, Lucerne/Luzern, Davos
Italy: *Rome (United States), Milan, Naples (United States), Turin, Palermo, Genoa, Bologna, Florence (United States),
  Venice (United States), Verona (United States), Bari, Catania, Pisa, Trieste
Vatican: *Vatican City
Spain: *Madrid, Barcelona (Venezuela), Valencia (Venezuela), Seville/Sevilla, Zaragoza, Malaga/Málaga, Bilbao,
  Palma, Las Palmas, Alicante, Cordoba/Córdoba (Argentina), Granada (Nicaragua), Pamplona, San Sebastian/San Sebastián
Portugal: *Lisbon/Lisboa (United States), Porto/Oporto, Faro, Coimbra
Netherlands: *Amsterdam (United States), Rotterdam, The Hague, Utrecht, Eindhoven, Groningen, Maastricht
Belgium: *Brussels, Antwerp, Ghent, Bruges, Liege/Liège, Charleroi
Denmark: *Copenhagen, Aarhus, Odense, Aalborg
Norway: *Oslo, Bergen, Trondheim, Stavanger, Tromso/Tromsø
Sweden: *Stockholm, Gothenburg/Göteborg, Malmö, Uppsala
Finland: *Helsinki, Espoo, Tampere, Turku
Iceland: *Reykjavik/Reykjavík
Poland: *Warsaw (United States), Krakow/Kraków/Cracow, Lodz/Łódź, Wroclaw/Wrocław, Poznan/Poznań,
  Gdansk/Gdańsk, Szczecin, Lublin
Czech Republic: *Prague, Brno, Ostrava, Plzen/Plzeň/Pilsen
Slovakia: *Bratislava, Kosice/Košice
Hungary: *Budapest, Debrecen, Szeged
Romania: *Bucharest, Cluj-Napoca, Timisoara/Timișoara, Constanta/Constanța
Bulgaria: *Sofia, Plovdiv, Varna
Greece: *Athens (United States), Thessaloniki/Salonika (North Macedonia), Patras, Heraklion, Piraeus
Serbia: *Belgrade, Novi Sad, Nis/Niš
Croatia: *Zagreb, Split, Dubrovnik, Rijeka
Slovenia: *Ljubljana
Bosnia and Herzegovina: *Sarajevo, Mostar, Banja Luka, Srebrenica
Montenegro: *Podgorica
North Macedonia: *Skopje
Albania: *Tirana
Kosovo: *Pristina (Serbia)
Ukraine: *Kyiv/Kiev, Kharkiv/Kharkov, Odesa/Odessa (United States), Dnipro, Lviv, Zaporizhzhia, Kherson,
  Mykolaiv, Bakhmut, Bucha, Mariupol (Russia), Donetsk (Russia), Luhansk (Russia), Sevastopol (Russia),
  Simferopol (Russia)
Belarus: *Minsk
Moldova: *Chisinau/Chișinău
Lithuania: *Vilnius
Latvia: *Riga
Estonia: *Tallinn
Russia: *Moscow (United States), St Petersburg/St. Petersburg/Saint Petersburg/Leningrad (United States),
  Novosibirsk, Yekaterinburg, Kazan, Nizhny Novgorod, Samara, Rostov-on-Don, Volgograd, Kaliningrad, Vladivostok,
  Murmansk, Sochi, Grozny, Belgorod, Kursk
Georgia: *Tbilisi
Armenia: *Yerevan
Azerbaijan: *Baku
Kazakhstan: *Astana/Nur-Sultan, Almaty/Alma-Ata
Uzbekistan: *Tashkent, Samarkand
Turkmenistan: *Ashgabat
Kyrgyzstan: *Bishkek
Tajikistan: *Dushanbe
Turkey: *Ankara, Istanbul, Izmir, Antalya, Bursa, Adana, Gaziantep, Diyarbakir
Cyprus: *Nicosia, Limassol, Larnaca
Israel: Tel Aviv, Haifa, Eilat, Beersheba
Lebanon: *Beirut, Sidon, Tyre
Syria: *Damascus, Aleppo, Homs, Idlib, Raqqa, Latakia
Jordan: *Amman, Aqaba
Iraq: *Baghdad, Basra, Mosul, Erbil, Kirkuk, Fallujah, Najaf, Karbala
Iran: *Tehran, Mashhad, Isfahan, Shiraz, Tabriz (Azerbaijan), Qom
Saudi Arabia: *Riyadh, Jeddah, Mecca, Medina, Dammam
Yemen: *Sanaa, Aden, Hodeidah
Oman: *Muscat
United Arab Emirates: *Abu Dhabi, Dubai, Sharjah
Qatar: *Doha
Bahrain: *Manama
Kuwait: *Kuwait City
Egypt: *Cairo (United States), Alexandria (United States), Giza, Luxor, Aswan, Port Said, Suez, Sharm el-Sheikh
Libya: *Tripoli (Lebanon), Benghazi, Misrata
Tunisia: *Tunis, Sfax
Algeria: *Algiers, Oran
Morocco: *Rabat, Casablanca, Marrakesh/Marrakech, Fez, Tangier
Sudan: *Khartoum, Omdurman, Port Sudan
South Sudan: *Juba
Ethiopia: *Addis Ababa
Eritrea: *Asmara
Somalia: *Mogadishu
Kenya: *Nairobi, Mombasa, Kisumu
Uganda: *Kampala
Tanzania: *Dodoma, Dar es Salaam, Zanzibar
Rwanda: *Kigali
Burundi: *Gitega, Bujumbura
Democratic Republic of the Congo: *Kinshasa (Congo), Goma (Congo), Lubumbashi (Congo)
Republic of the Congo: *Brazzaville (Congo)
Nigeria: *Abuja, Lagos (Portugal), Kano, Ibadan, Port Harcourt
Ghana: *Accra, Kumasi
Ivory Coast: *Yamoussoukro, Abidjan
Senegal: *Dakar
Mali: *Bamako, Timbuktu
Niger: *Niamey
Burkina Faso: *Ouagadougou
Cameroon: *Yaounde/Yaoundé, Douala
Angola: *Luanda
Zambia: *Lusaka
Zimbabwe: *Harare, Bulawayo
Mozambique: *Maputo
Malawi: *Lilongwe
Madagascar: *Antananarivo
South Africa: *Pretoria, Cape Town, Johannesburg, Durban, Soweto
Namibia: *Windhoek
Botswana: *Gaborone
India: *New Delhi, Delhi, Mumbai/Bombay, Kolkata/Calcutta, Chennai/Madras, Bengaluru/Bangalore,
  Hyderabad (Pakistan), Ahmedabad, Pune, Jaipur, Lucknow, Kanpur, Agra, Varanasi, Amritsar, Kochi/Cochin, Goa
Pakistan: *Islamabad, Karachi, Lahore, Peshawar, Rawalpindi, Quetta, Faisalabad, Multan
Bangladesh: *Dhaka, Chittagong
Sri Lanka: Colombo, Kandy
Nepal: *Kathmandu
Afghanistan: *Kabul, Kandahar, Herat, Mazar-i-Sharif, Jalalabad
Mongolia: *Ulaanbaatar/Ulan Bator
China: *Beijing/Peking, Shanghai, Guangzhou/Canton (United States), Shenzhen, Chongqing, Tianjin, Wuhan, Chengdu,
  Nanjing, Xi'an, Hangzhou, Harbin, Shenyang, Qingdao, Dalian, Kunming, Urumqi, Lhasa
Taiwan: *Taipei (China), Kaohsiung (China), Taichung (China)
Japan: *Tokyo, Osaka, Yokohama, Nagoya, Sapporo, Kobe, Kyoto, Fukuoka, Hiroshima, Nagasaki, Sendai, Fukushima, Okinawa
South Korea: *Seoul (Korea), Busan/Pusan (Korea), Incheon (Korea), Daegu (Korea), Gwangju (Korea)
North Korea: *Pyongyang (Korea)
Myanmar: *Naypyidaw/Naypyitaw, Yangon/Rangoon, Mandalay
Thailand: *Bangkok, Chiang Mai, Phuket, Pattaya
Vietnam: *Hanoi, Ho Chi Minh City/Saigon, Da Nang, Haiphong
Cambodia: *Phnom Penh, Siem Reap
Laos: *Vientiane
Malaysia: *Kuala Lumpur, Penang, Johor Bahru
Indonesia: *Jakarta, Surabaya, Bandung, Medan, Bali, Yogyakarta, Makassar
Philippines: *Manila, Quezon City, Cebu, Davao
Australia: *Canberra, Sydney (Canada), Melbourne (United States), Brisbane, Adelaide, Darwin, Hobart, Gold Coast
New Zealand: *Wellington (United Kingdom), Auckland, Christchurch (United Kingdom), Dunedin
Papua New Guinea: *Port Moresby
Fiji: *Suva
Canada: *Ottawa, Toronto, Montreal/Montréal, Vancouver (United States), Calgary, Edmonton, Winnipeg, Quebec City,
  Halifax (United Kingdom), Regina, Saskatoon
Mexico: *Mexico City, Guadalajara (Spain), Monterrey, Puebla, Tijuana, Ciudad Juarez/Ciudad Juárez, Cancun/Cancún,
  Acapulco, Culiacan/Culiacán, Oaxaca
Guatemala: *Guatemala City
Honduras: *Tegucigalpa, San Pedro Sula
El Salvador: *San Salvador
Nicaragua: *Managua
Costa Rica: *San Jose (United States)/San José
Cuba: *Havana
Haiti: *Port-au-Prince
Dominican Republic: *Santo Domingo
Jamaica: *Kingston (Canada, United Kingdom)
Trinidad and Tobago: *Port of Spain
Colombia: *Bogota/Bogotá, Medellin/Medellín, Cali, Barranquilla, Cartagena (Spain)
Venezuela: *Caracas, Maracaibo
Ecuador: *Quito, Guayaquil
Peru: *Lima (United States), Cusco/Cuzco, Arequipa
Bolivia: *La Paz (Mexico), Sucre
Chile: Valparaiso/Valparaíso, Antofagasta, Concepcion (Paraguay)/Concepción
Argentina: *Buenos Aires, Rosario, Mendoza
Uruguay: *Montevideo
Paraguay: *Asuncion/Asunción
Brazil: *Brasilia/Brasília, Sao Paulo/São Paulo, Rio de Janeiro, Belo Horizonte, Porto Alegre, Recife, Fortaleza,
  Manaus, Curitiba
Guyana: *Georgetown (Malaysia, United States)
"""

# The first-level parts of a country news writes after a city ("Boston, Lincolnshire", "Austin, Texas", "Perth,
# Western Australia"), by country, other names of one part after "/" (a wire's abbreviation, a local spelling):
# US states and DC, Canadian provinces and territories, Australian states and territories, the UK's nations' best
# known counties, Indian states, German Lander. Not the city-states (Berlin, Hamburg, Delhi): the city table has
# them. "Georgia" here is the US state; the country of the name is added below.
_PARTS = """
United States: Alabama/Ala., Alaska, Arizona/Ariz., Arkansas/Ark., California/Calif., Colorado/Colo.,
  Connecticut/Conn., Delaware/Del., Florida/Fla., Georgia/Ga., Hawaii, Idaho, Illinois/Ill., Indiana/Ind., Iowa,
  Kansas/Kan./Kans., Kentucky/Ky., Louisiana/La., Maine, Maryland/Md., Massachusetts/Mass., Michigan/Mich.,
  Minnesota/Minn., Mississippi/Miss., Missouri/Mo., Montana/Mont., Nebraska/Neb./Nebr., Nevada/Nev.,
  New Hampshire/N.H., New Jersey/N.J., New Mexico/N.M., New York/N.Y./New York State, North Carolina/N.C.,
  North Dakota/N.D., Ohio, Oklahoma/Okla., Oregon/Ore., Pennsylvania/Pa., Rhode Island/R.I., South Carolina/S.C.,
  South Dakota/S.D., Tennessee/Tenn., Texas/Tex., Utah, Vermont/Vt., Virginia/Va., Washington/Wash./Washington State,
  West Virginia/W.Va./W. Va., Wisconsin/Wis./Wisc., Wyoming/Wyo., District of Columbia/D.C./DC, Puerto Rico
Canada: Ontario/Ont., Quebec/Québec/Que., British Columbia/B.C., Alberta/Alta., Manitoba/Man., Saskatchewan/Sask.,
  Nova Scotia/N.S., New Brunswick/N.B., Newfoundland and Labrador/Newfoundland, Prince Edward Island/P.E.I., Yukon,
  Northwest Territories, Nunavut
Australia: New South Wales/NSW/N.S.W., Victoria, Queensland, Western Australia, South Australia, Tasmania,
  Northern Territory, Australian Capital Territory/ACT
England: Bedfordshire, Berkshire, Buckinghamshire, Cambridgeshire, Cheshire, Cornwall, Cumbria, Derbyshire, Devon,
  Dorset, County Durham/Co. Durham, Essex, Gloucestershire, Greater London, Greater Manchester, Hampshire,
  Herefordshire, Hertfordshire, Isle of Wight, Kent, Lancashire, Leicestershire, Lincolnshire, Merseyside, Norfolk,
  Northamptonshire, Northumberland, Nottinghamshire, Oxfordshire, Rutland, Shropshire, Somerset, Staffordshire,
  Suffolk, Surrey, Sussex, East Sussex, West Sussex, Tyne and Wear, Warwickshire, West Midlands, Wiltshire,
  Worcestershire, Yorkshire, North Yorkshire, South Yorkshire, West Yorkshire, East Yorkshire/East Riding of Yorkshire
Scotland: Aberdeenshire, Angus, Argyll and Bute/Argyll, Ayrshire, Dumfries and Galloway, Fife, Highland/Highlands,
  Lanarkshire, Lothian, Perthshire, Stirlingshire, Scottish Borders, Orkney, Shetland
Wales: Anglesey, Carmarthenshire, Ceredigion, Conwy, Denbighshire, Flintshire, Glamorgan, Gwynedd, Monmouthshire,
  Pembrokeshire, Powys
Northern Ireland: County Antrim/Co. Antrim, County Armagh/Co. Armagh, County Down/Co. Down,
  County Fermanagh/Co. Fermanagh, County Londonderry/Co. Londonderry, County Tyrone/Co. Tyrone
Ireland: County Cork/Co. Cork, County Kerry/Co. Kerry, County Galway/Co. Galway, County Mayo/Co. Mayo,
  County Donegal/Co. Donegal, County Clare/Co. Clare, County Kildare/Co. Kildare, County Wicklow/Co. Wicklow,
  County Limerick/Co. Limerick, County Dublin/Co. Dublin
India: Andhra Pradesh, Arunachal Pradesh, Assam, Bihar, Chhattisgarh, Gujarat, Haryana, Himachal Pradesh, Jharkhand,
  Karnataka, Kerala, Madhya Pradesh, Maharashtra, Manipur, Meghalaya, Mizoram, Nagaland, Odisha/Orissa, Punjab,
  Rajasthan, Sikkim, Tamil Nadu, Telangana, Tripura, Uttar Pradesh, Uttarakhand, West Bengal, Jammu and Kashmir
Pakistan: Punjab, Sindh, Balochistan, Khyber Pakhtunkhwa
Germany: Baden-Württemberg/Baden-Wurttemberg, Bavaria/Bayern, Brandenburg, Hesse/Hessen, Lower Saxony,
  Mecklenburg-Western Pomerania/Mecklenburg-Vorpommern, North Rhine-Westphalia, Rhineland-Palatinate, Saarland,
  Saxony, Saxony-Anhalt, Schleswig-Holstein, Thuringia
"""
# The part each city of the table above lies in, where news writes it ("Austin, Texas"): a city given another
# part of the same country ("Denver, Texas") is placed wrong. Not Charleston (South Carolina's and West
# Virginia's) nor the UK's cities, whose county news seldom writes.
_PART_CITIES = """
Texas: Houston, San Antonio, Dallas, Austin, Fort Worth, El Paso, Uvalde
California: Los Angeles, San Diego, San Francisco, Fresno, Sacramento
Illinois: Chicago
Arizona: Phoenix, Tucson
Pennsylvania: Philadelphia, Pittsburgh
Florida: Jacksonville, Miami, Tampa, Orlando, Parkland
Ohio: Columbus, Cleveland, Cincinnati
North Carolina: Charlotte, Raleigh
Indiana: Indianapolis
Washington: Seattle
Colorado: Denver
Tennessee: Nashville, Memphis
Oklahoma: Oklahoma City
Massachusetts: Boston
Nevada: Las Vegas
Michigan: Detroit
Kentucky: Louisville
Maryland: Baltimore
Wisconsin: Milwaukee
New Mexico: Albuquerque, Santa Fe
Missouri: Kansas City, St. Louis, Ferguson
Kansas: Kansas City
Georgia: Atlanta, Savannah
Minnesota: Minneapolis
Louisiana: New Orleans
Hawaii: Honolulu
Alaska: Anchorage
Utah: Salt Lake City
New York: New York, Buffalo
New Jersey: Newark
Rhode Island: Providence
Nebraska: Omaha
Iowa: Des Moines
Arkansas: Little Rock
Idaho: Boise
Ontario: Ottawa, Toronto
Quebec: Montreal, Quebec City
British Columbia: Vancouver
Alberta: Calgary, Edmonton
Manitoba: Winnipeg
Nova Scotia: Halifax
Saskatchewan: Regina, Saskatoon
Australian Capital Territory: Canberra
New South Wales: Sydney, Newcastle
Victoria: Melbourne
Queensland: Brisbane, Gold Coast
South Australia: Adelaide
Northern Territory: Darwin
Tasmania: Hobart
Maharashtra: Mumbai, Pune
West Bengal: Kolkata
Tamil Nadu: Chennai
Karnataka: Bengaluru
Telangana: Hyderabad
Gujarat: Ahmedabad
Rajasthan: Jaipur
Uttar Pradesh: Lucknow, Kanpur, Agra, Varanasi
Kerala: Kochi
Bavaria: Munich, Nuremberg
Hesse: Frankfurt
Baden-Württemberg: Stuttgart, Heidelberg, Karlsruhe, Mannheim
North Rhine-Westphalia: Cologne, Düsseldorf, Dortmund, Essen, Bonn
Saxony: Leipzig, Dresden
Lower Saxony: Hanover
Saxony-Anhalt: Magdeburg
Mecklenburg-Western Pomerania: Rostock
"""

# The US regions news writes after a city ("Columbus, in the Midwest"), and the states each holds, by the
# part table's first names. Loose regions (the Southwest, the West) are left out: the table stays quiet there.
_US_REGIONS = {
    "Midwest": "Illinois, Indiana, Iowa, Kansas, Michigan, Minnesota, Missouri, Nebraska, North Dakota, Ohio, "
    "South Dakota, Wisconsin",
    "New England": "Connecticut, Maine, Massachusetts, New Hampshire, Rhode Island, Vermont",
    "Pacific Northwest": "Idaho, Oregon, Washington",
    "Deep South": "Alabama, Georgia, Louisiana, Mississippi, South Carolina",
}


def _plain(name: str) -> str:
    """A name without its accents, in one case and spacing, "St." as "St": how the table looks names up."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(folded.replace("\u2019", "'").replace(".", "").lower().split())


def _read_cities() -> tuple[
    dict[str, frozenset[str]], dict[str, str], dict[str, frozenset[str]], dict[str, str], dict[str, frozenset[str]]
]:
    """The table above as: a city's every name -> the countries it counts in; a capital's every name -> its
    country; a city's every name -> all its names; a city's every name -> the country it lies in; a city's every
    name -> the countries of its brackets (a namesake's, a contested one's)."""
    countries: dict[str, frozenset[str]] = {}
    lies_in: dict[str, str] = {}
    others: dict[str, frozenset[str]] = {}
    capitals: dict[str, str] = {}
    names: dict[str, frozenset[str]] = {}
    for entry in re.split(r"\n(?=\S)", _CITIES.strip()):
        country, cities = entry.split(":", 1)
        for city in re.split(r",\s*(?![^()]*\))", " ".join(cities.split())):
            extra = re.findall(r"\(([^)]*)\)", city)
            spellings = [s.strip() for s in re.sub(r"\([^)]*\)", "", city).split("/")]
            capital = spellings[0].startswith("*")
            spellings = [s.lstrip("*").strip() for s in spellings if s.strip()]
            home = {country, *(c.strip() for e in extra for c in e.split(","))}
            home |= {_PART_OF[c] for c in home if c in _PART_OF} | {
                _FORMER_STATE[c] for c in home if c in _FORMER_STATE
            }
            keys = frozenset(_plain(s) for s in spellings)
            for key in keys:
                countries[key] = frozenset(home)
                names[key] = frozenset(spellings)
                lies_in[key] = country
                others[key] = frozenset(c.strip() for e in extra for c in e.split(","))
                if capital:
                    capitals[key] = _PART_OF.get(country, country)
    return countries, capitals, names, lies_in, others


_CITY_COUNTRIES, _CAPITALS, _CITY_NAMES, _LIES_IN, _NAMESAKES = _read_cities()
_COUNTRY_OF_NAME = {_plain(n): country for country, ns in _COUNTRY_NAMES.items() for n in ns}


def _read_parts() -> tuple[dict[str, frozenset[str]], dict[str, str], dict[str, frozenset[str]], frozenset[str]]:
    """The part tables above as: a part's every name -> the countries it lies in (a nation's with its state:
    "Lincolnshire": England and the United Kingdom); a part's every name -> its first name; a city's every name
    -> the parts it lies in; every name of a part as written."""
    countries: dict[str, set[str]] = {}
    first: dict[str, str] = {}
    written: set[str] = set()
    for entry in re.split(r"\n(?=\S)", _PARTS.strip()):
        country, parts = entry.split(":", 1)
        home = {country} | ({_PART_OF[country]} if country in _PART_OF else set())
        for part in " ".join(parts.split()).split(", "):
            spellings = [p.strip() for p in part.split("/")]
            written.update(spellings)
            for key in {_plain(p) for p in spellings}:
                countries.setdefault(key, set()).update(home)
                first[key] = spellings[0]
    # Tbilisi's country is no name of the country table ("Atlanta, Georgia" is the state's): after a city it is
    # either
    countries["georgia"].add("Georgia")
    in_parts: dict[str, set[str]] = {}
    for entry in _PART_CITIES.strip().splitlines():
        part, cities = entry.split(":", 1)
        for city in cities.split(","):
            for name in _CITY_NAMES.get(_plain(city), frozenset({city.strip()})):
                in_parts.setdefault(_plain(name), set()).add(part.strip())
    return (
        {k: frozenset(v) for k, v in countries.items()},
        first,
        {k: frozenset(v) for k, v in in_parts.items()},
        frozenset(written),
    )


_PART_COUNTRIES, _PART_FIRST, _CITY_PARTS, _PART_SPELLINGS = _read_parts()
_REGION_PARTS = {_plain(region): frozenset(states.split(", ")) for region, states in _US_REGIONS.items()}


def city_countries(city: str) -> frozenset[str]:
    """The countries the table places ``city`` in (any of its names, any case, accents or none); empty when the
    table does not know it."""
    return _CITY_COUNTRIES.get(_plain(city), frozenset())


def city_lies_in(city: str) -> str | None:
    """The country (or part of one: "Scotland") ``city`` lies in, None when the table does not know it."""
    return _LIES_IN.get(_plain(city))


def namesake_countries(city: str) -> frozenset[str]:
    """The countries another city of the name lies in ("London": Canada), or that claim it ("Sevastopol":
    Russia): not where the table's city lies."""
    return _NAMESAKES.get(_plain(city), frozenset())


def city_names(city: str) -> frozenset[str]:
    """Every name the table gives ``city`` ("Kyiv", "Kiev"); empty when it does not know it."""
    return _CITY_NAMES.get(_plain(city), frozenset())


def capital_country(place: str) -> str | None:
    """The country whose capital ``place`` is ("PARIS" -> "France"), None for any other place."""
    return _CAPITALS.get(_plain(place))


def country_named(name: str) -> str | None:
    """The country a name after a city writes ("U.K." -> "United Kingdom"), None when it names none."""
    return _COUNTRY_OF_NAME.get(_plain(name))


def part_named(name: str) -> str | None:
    """The first-level part of a country a name after a city writes ("Calif." -> "California"), None when it
    names none."""
    return _PART_FIRST.get(_plain(name))


def place_countries(name: str) -> frozenset[str]:
    """The countries a name written after a city puts it in: a country ("U.K." -> the United Kingdom; "England"
    with the United Kingdom) or a part of one ("Lincolnshire" -> England and the United Kingdom; "Kentucky" ->
    the United States); empty when it names neither."""
    country = country_named(name)
    if country is not None:
        return frozenset({country} | ({_PART_OF[country]} if country in _PART_OF else set()))
    return _PART_COUNTRIES.get(_plain(name), frozenset())


def country_parts(country: str) -> frozenset[str]:
    """The first names of the parts the table gives ``country`` ("United States": Alabama, ..., Puerto Rico)."""
    return frozenset(first for key, first in _PART_FIRST.items() if country in _PART_COUNTRIES[key])


def region_parts(name: str) -> frozenset[str]:
    """The US states a region name holds ("the Midwest", "the US Midwest" -> Ohio, Illinois, ...), by their first
    names; empty for any other name."""
    plain = re.sub(r"^(?:the\s+)?(?:u\s*s\s+|american\s+)?", "", _plain(name))
    return _REGION_PARTS.get(plain, frozenset())


def city_parts(city: str) -> frozenset[str]:
    """The parts of a country the table puts ``city`` in ("Austin": Texas; "Kansas City": Missouri and Kansas),
    by their first names; empty when the table does not know them."""
    return _CITY_PARTS.get(_plain(city), frozenset())


def _variants(name: str) -> set[str]:
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return {name, plain, name.upper(), plain.upper()}


def _alternation(names: set[str]) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in sorted(names, key=lambda n: (-len(n), n)))


def city_pattern(city: str) -> str:
    """A pattern of every way the table writes ``city`` (its names, with and without accents, in running text's
    capitals or a dateline's); ``city`` itself when the table does not know it."""
    return _alternation({v for n in city_names(city) | {city} for v in _variants(n)})


#: Any city of the table, in running text's capitals or a dateline's ("MALMO"), with or without accents.
CITY_PATTERN = _alternation({v for ns in _CITY_NAMES.values() for n in ns for v in _variants(n)})
#: Any country of the table, as written after a city.
COUNTRY_PATTERN = _alternation({v for ns in _COUNTRY_NAMES.values() for n in ns for v in _variants(n)})
#: Any part of a country of the table (a state, a province, a county), as written after a city.
PART_PATTERN = _alternation({v for n in _PART_SPELLINGS for v in _variants(n)})

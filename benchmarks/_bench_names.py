"""Made-up but realistic customers of a CSP partner, in several countries, scripts and styles.

Each locale makes company names the way that country writes them (legal form and all), with the
ASCII words a domain prefix would be made of, contacts with e-mail addresses, and an address.
Everything is drawn from a ``random.Random`` given by the caller, so a seed gives the same data.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from random import Random

# A word of a name and how a domain prefix or e-mail address spells it ("台灣" -> "taiwan").
Word = tuple[str, str]


def ascii_slug(text: str) -> str:
    """Lower-case ASCII letters of a Latin-script text ("Müller & Söhne" -> "mullersohne")."""
    text = text.replace("ß", "ss").replace("ø", "o").replace("Ø", "o").replace("ł", "l")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed.lower() if "a" <= char <= "z")


def _latin(words: str) -> tuple[Word, ...]:
    """Words separated by "|" (a word may hold spaces), each spelt by ascii_slug."""
    return tuple((word, ascii_slug(word)) for word in words.split("|"))


def _pairs(pairs: str) -> tuple[Word, ...]:
    """ "text:slug" pairs separated by spaces, for scripts without a natural ASCII spelling."""
    return tuple((text, slug) for text, slug in (pair.split(":") for pair in pairs.split()))


@dataclass(frozen=True)
class Company:
    name: str
    slug: str  # ASCII letters the domain prefix and e-mail domain are made of


@dataclass(frozen=True)
class Style:
    """How one language names companies and people and writes a street line."""

    company: Callable[[Random], Company]
    first_names: tuple[Word, ...]
    last_names: tuple[Word, ...]
    street: Callable[[Random], str]
    family_name_first: bool = False  # in the e-mail address too: chen.zhiming@


@dataclass(frozen=True)
class Locale:
    country: str
    weight: int  # share of customers, relative to the other locales
    culture: str
    email_tld: str
    style: Style
    places: tuple[tuple[str, str, str], ...]  # (city, state, postal code)

    @property
    def language(self) -> str:
        return self.culture.split("-")[0]


def _pick(rng: Random, words: tuple[Word, ...]) -> Word:
    return words[int(rng.random() * len(words))]


# -- English ------------------------------------------------------------------------------------
_BRANDS = _latin(
    "Contoso|Fabrikam|Northwind|Adatum|Litware|Proseware|Tailspin|Woodgrove|Wingtip|Alpine"
    "|Coho|Blue Yonder|Fourth Coffee|Trey|Wide World|Lamna|Relecloud|Humongous|Lucerne"
    "|Southridge|Consolidated|Bellows|City Power|Nod|Vanarsdel|Woodbridge|Harbor|Summit"
    "|Pinecrest|Redwood|Silverline|Granite|Maple|Oakridge|Riverside|Lakeside|Evergreen"
    "|Ironbridge|Bluewater|Highland|Crestview|Sterling|Pioneer|Keystone|Horizon|Liberty|Atlas"
    "|Beacon|Cedar|Falcon|Meridian|Northstar|Brightwater|Copperfield|Westfield|Eastgate|Ashford"
    "|Kingsley|Hawthorne|Greenleaf|Stonebridge|Clearwater|Fairview|Sunrise|Bayview|Foxglove"
    "|Elmwood|Blackstone|Whitmore|Larkspur|Juniper|Sapphire|Quantum|Vertex|Apex|Nimbus|Zenith"
)
_INDUSTRIES = _latin(
    "Cloud|Data|Systems|Solutions|Consulting|Labs|Technologies|Networks|Logistics|Health"
    "|Dental|Legal|Accounting|Energy|Manufacturing|Foods|Motors|Construction|Realty|Insurance"
    "|Partners|Group|Holdings|Software|Analytics|Security|Media|Design|Engineering|Pharmacy"
    "|Clinic|Academy|Airlines|Traders|Winery|Bank|Pharmaceuticals|Toys|Coffee|Ski House"
    "|Research|Importers|Electric|Plumbing|Roofing|Landscaping|Veterinary|Architects|Studios"
    "|Outfitters|Bakery|Brewing|Freight|Marine|Aviation|Robotics|Biotech|Capital|Advisors"
)
_QUALIFIERS = _latin(
    "of Texas|of Ohio|Northwest|International|Global|USA|West|East|Pacific|Atlantic|& Co"
    "|Services|Direct|Online|Worldwide|Partners|Associates|Holdings"
)
_ENGLISH_SURNAMES = _latin(
    "Smith|Johnson|Williams|Brown|Jones|Miller|Davis|Wilson|Anderson|Taylor|Thomas|Moore"
    "|Martin|Jackson|Thompson|White|Harris|Clark|Lewis|Robinson|Walker|Young|Allen|Wright|Scott"
    "|Green|Baker|Adams|Nelson|Hill|Campbell|Mitchell|Roberts|Carter|Phillips|Evans|Turner"
    "|Parker|Collins|Edwards|Stewart|Morris|Murphy|Cook|Rogers|O'Brien|Kelly|Reed|Whitfield"
)
_ENGLISH_FIRST = _latin(
    "James|Mary|Robert|Patricia|John|Jennifer|Michael|Linda|David|Elizabeth|William|Susan"
    "|Richard|Jessica|Joseph|Sarah|Thomas|Karen|Daniel|Nancy|Matthew|Lisa|Anthony|Betty|Mark"
    "|Dana|Kevin|Emily|Brian|Olivia|Noah|Emma|Liam|Ava|Ethan|Sophia|Lucas|Mia|Owen|Chloe"
)
_ENGLISH_STREETS = _latin(
    "Main St|Oak Ave|Market St|Pine St|Maple Ave|Cedar Rd|Elm St|Washington Blvd|Lake Dr"
    "|Park Ave|Hill Rd|Church St|High St|Station Rd|Mill Lane|Victoria Rd|King St|Queen St"
)


_US_FORMS = ("Inc.", "LLC", "LLC", "Corp.", "Corporation", "Co.", "", "")
_GB_FORMS = ("Ltd", "Ltd", "Limited", "PLC", "LLP", "")
_AU_FORMS = ("Pty Ltd", "Pty Ltd", "Pty. Ltd.", "Ltd")
_CA_FORMS = ("Inc.", "Ltd.", "Corp.", "")


def _english(forms: tuple[str, ...]) -> Callable[[Random], Company]:
    def company(rng: Random) -> Company:
        roll = rng.random()
        if roll < 0.15:
            first, second = _pick(rng, _ENGLISH_SURNAMES), _pick(rng, _ENGLISH_SURNAMES)
            industry = _pick(rng, _INDUSTRIES)
            words = [first, ("&", ""), second, industry]
        elif roll < 0.25:
            words = [_pick(rng, _ENGLISH_SURNAMES), _pick(rng, _INDUSTRIES)]
        else:
            words = [_pick(rng, _BRANDS), _pick(rng, _INDUSTRIES)]
            if rng.random() < 0.3:
                words.append(_pick(rng, _QUALIFIERS))
        name = " ".join(text for text, _slug in words)
        form = forms[int(rng.random() * len(forms))]
        if form:
            name = f"{name}{'' if form.startswith(',') else ' '}{form}"
        return Company(name, "".join(slug for _text, slug in words))

    return company


def _english_street(rng: Random) -> str:
    return f"{rng.randint(1, 9999)} {_pick(rng, _ENGLISH_STREETS)[0]}"


# -- German -------------------------------------------------------------------------------------
_GERMAN_SURNAMES = _latin(
    "Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Schäfer|Koch"
    "|Bauer|Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|Krüger|Hofmann"
    "|Hartmann|Lange|Weiß|Köhler|Jäger|Groß|Böhm|Vogel|Friedrich|Keller|Günther|Frank|Berger"
)
_GERMAN_TRADES = _latin(
    "Datentechnik|Steuerberatung|Maschinenbau|Bäckerei|Elektrotechnik|Logistik|Informatik"
    "|Systemhaus|Bauunternehmung|Autohaus|Apotheke|Zahnarztpraxis|Rechtsanwälte|Immobilien"
    "|Versicherungsmakler|Druckerei|Metallbau|Softwareentwicklung|Ingenieurbüro|Brauerei"
    "|Gebäudetechnik|Sanitär- und Heizungsbau|Spedition|Medizintechnik|Kunststofftechnik"
)
_GERMAN_CITIES = (
    ("München", "BY", "80331"),
    ("Köln", "NW", "50667"),
    ("Düsseldorf", "NW", "40213"),
    ("Nürnberg", "BY", "90402"),
    ("Würzburg", "BY", "97070"),
    ("Berlin", "BE", "10115"),
    ("Hamburg", "HH", "20095"),
    ("Stuttgart", "BW", "70173"),
    ("Frankfurt am Main", "HE", "60311"),
    ("Leipzig", "SN", "04109"),
)
_GERMAN_FORMS = ("GmbH", "GmbH", "GmbH", "GmbH & Co. KG", "AG", "KG", "e.K.", "OHG", "UG")
_GERMAN_STREETS = _latin(
    "Hauptstraße|Bahnhofstraße|Schulstraße|Gartenstraße|Dorfstraße|Lindenstraße|Goethestraße"
    "|Bergstraße|Kirchweg|Am Marktplatz|Königsallee|Schillerstraße|Mühlenweg|Friedhofstraße"
)
_GERMAN_FIRST = _latin(
    "Lukas|Anna|Jonas|Lea|Felix|Laura|Maximilian|Sophie|Paul|Julia|Jürgen|Sabine|Stefan"
    "|Petra|Thomas|Monika|Andreas|Ursula|Michael|Katrin|Matthias|Jörg|Birgit|Uwe|Käthe"
)


def _german(rng: Random) -> Company:
    surname, trade = _pick(rng, _GERMAN_SURNAMES), _pick(rng, _GERMAN_TRADES)
    roll = rng.random()
    if roll < 0.4:
        words = [surname, trade]
    elif roll < 0.7:
        words = [trade, surname]
    elif roll < 0.85:
        city = _GERMAN_CITIES[int(rng.random() * len(_GERMAN_CITIES))][0]
        words = [(city, ascii_slug(city)), trade]
    else:
        words = [surname, ("&", ""), ("Söhne", "soehne"), trade]
    form = _GERMAN_FORMS[int(rng.random() * len(_GERMAN_FORMS))]
    name = " ".join(text for text, _slug in words) + " " + form
    return Company(name, "".join(slug for _text, slug in words))


def _german_street(rng: Random) -> str:
    return f"{_pick(rng, _GERMAN_STREETS)[0]} {rng.randint(1, 180)}"


# -- French -------------------------------------------------------------------------------------
_FRENCH_SURNAMES = _latin(
    "Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|Laurent"
    "|Lefèvre|Michel|Garcia|David|Bertrand|Roux|Vincent|Fournier|Morel|Girard|André|Lefebvre"
    "|Mercier|Dupont|Lambert|Bonnet|François|Martinez|Faure|Rousseau|Blanc|Guérin|Chevalier"
)
_FRENCH_TRADES = _latin(
    "Informatique|Conseil|Boulangerie|Pharmacie|Transports|Bâtiment|Électricité"
    "|Cabinet d'avocats|Société Générale de Services|Atelier|Menuiserie|Assurances|Immobilier"
    "|Télécom|Énergie|Hôtellerie|Création|Développement|Ingénierie|Études et Réalisations"
    "|Garage|Fromagerie|Imprimerie|Expertise Comptable|Nettoyage Industriel"
)
_FRENCH_FORMS = ("SAS", "SAS", "SARL", "SARL", "S.A.", "EURL", "SASU", "SNC")
_FRENCH_CITIES = (
    ("Paris", "", "75008"),
    ("Lyon", "", "69002"),
    ("Marseille", "", "13001"),
    ("Toulouse", "", "31000"),
    ("Nantes", "", "44000"),
    ("Lille", "", "59000"),
    ("Bordeaux", "", "33000"),
    ("Strasbourg", "", "67000"),
)
_FRENCH_STREETS = _latin(
    "rue de la République|avenue Jean Jaurès|rue Victor Hugo|boulevard Voltaire"
    "|rue du Général de Gaulle|place de l'Église|rue des Écoles|chemin des Prés|rue Pasteur"
)
_FRENCH_FIRST = _latin(
    "Jean|Marie|Pierre|Nathalie|Michel|Isabelle|Philippe|Sylvie|Alain|Catherine|Nicolas"
    "|Françoise|Éric|Hélène|Stéphane|Céline|Frédéric|Chloé|Léa|Gaël|Zoé|Jérôme|Noémie"
)


def _french(rng: Random) -> Company:
    trade, surname = _pick(rng, _FRENCH_TRADES), _pick(rng, _FRENCH_SURNAMES)
    roll = rng.random()
    if roll < 0.5:
        words = [trade, surname]
    elif roll < 0.75:
        words = [surname, ("et Fils", "etfils")]
    else:
        city = _FRENCH_CITIES[int(rng.random() * len(_FRENCH_CITIES))][0]
        words = [trade, ("de", "de"), (city, ascii_slug(city))]
    form = _FRENCH_FORMS[int(rng.random() * len(_FRENCH_FORMS))]
    name = " ".join(text for text, _slug in words) + " " + form
    return Company(name, "".join(slug for _text, slug in words))


def _french_street(rng: Random) -> str:
    return f"{rng.randint(1, 120)} {_pick(rng, _FRENCH_STREETS)[0]}"


# -- Traditional Chinese (Taiwan) ------------------------------------------------------------------
_TW_PLACES = _pairs(
    "台灣:tw 台北:taipei 新竹:hsinchu 台中:taichung 高雄:kaohsiung 台南:tainan 桃園:taoyuan"
    " 宏:hong 永:yung 大:ta 華:hua 全:chuan 鴻:hon 聯:lien 富:fu 國:kuo 亞:ya 遠東:fareast"
    " 中華:chunghwa 統一:uni 光:kuang 群:chun 友:yu 金:chin 順:shun 東:tung 長:chang 新:hsin"
)
_TW_WORDS = _pairs(
    "晶片:chip 雲端:cloud 資訊:info 科技:tech 電子:elec 精密:precision 光電:opto"
    " 半導體:semi 軟體:soft 網路:net 通訊:comm 貿易:trade 物流:logistics 生技:bio 醫療:med"
    " 建設:build 食品:food 紡織:textile 機械:machine 能源:energy 設計:design 顧問:consult"
    " 數位:digital 系統:sys 材料:material 汽車:auto 金屬:metal 化學:chem 營造:construct"
    " 茶業:tea 港埠:harbour 文創:creative 印刷:print 旅行社:travel"
)
_TW_FORMS = ("股份有限公司", "股份有限公司", "有限公司", "有限公司", "企業社", "(股)公司")
_TW_CITIES = (
    ("信義區", "台北市", "110"),
    ("大安區", "台北市", "106"),
    ("東區", "新竹市", "300"),
    ("西屯區", "台中市", "407"),
    ("前鎮區", "高雄市", "806"),
    ("中西區", "台南市", "700"),
    ("中壢區", "桃園市", "320"),
)
_TW_STREETS = ("信義路五段", "光復路二段", "成功二路", "中正路", "民生東路三段", "文心路一段")
_TW_LAST = _pairs(
    "陳:chen 林:lin 黃:huang 張:chang 李:lee 王:wang 吳:wu 劉:liu 蔡:tsai 楊:yang 許:hsu"
    " 鄭:cheng 謝:hsieh 郭:kuo 洪:hung"
)
_TW_FIRST = _pairs(
    "志明:chihming 美玲:meiling 淑芬:shufen 家豪:chiahao 怡君:yichun 俊傑:chunchieh"
    " 雅婷:yating 建宏:chienhung 宗翰:tsunghan 詩涵:shihhan 冠宇:kuanyu 欣怡:hsinyi"
)


def _taiwanese(rng: Random) -> Company:
    words = [_pick(rng, _TW_PLACES), _pick(rng, _TW_WORDS)]
    if rng.random() < 0.5:
        words.append(_pick(rng, _TW_WORDS))
    form = _TW_FORMS[int(rng.random() * len(_TW_FORMS))]
    return Company("".join(text for text, _slug in words) + form, "".join(s for _t, s in words))


def _taiwanese_street(rng: Random) -> str:
    return f"{_TW_STREETS[int(rng.random() * len(_TW_STREETS))]}{rng.randint(1, 300)}號"


# -- Japanese -----------------------------------------------------------------------------------
_JP_PLACES = _pairs(
    "東京:tokyo 大阪:osaka 名古屋:nagoya 横浜:yokohama 京都:kyoto 札幌:sapporo 福岡:fukuoka"
    " 日本:nihon 富士:fuji 三和:sanwa 大和:yamato 中央:chuo 北斗:hokuto 桜:sakura 昭和:showa"
)
_JP_WORDS = _pairs(
    "データ:data システム:system 精密工業:seimitsu 電機:denki 商事:shoji 物産:bussan"
    " 製作所:seisakusho 建設:kensetsu ソフトウェア:software ネットワーク:network"
    " テクノロジー:tech クラウド:cloud ノースウィンド:northwind コントソ:contoso 印刷:insatsu"
    " 運輸:unyu 食品:shokuhin 薬品:yakuhin 不動産:fudosan"
)
_JP_CITIES = (
    ("千代田区", "東京都", "100-0005"),
    ("港区", "東京都", "105-0011"),
    ("大阪市北区", "大阪府", "530-0001"),
    ("名古屋市中区", "愛知県", "460-0008"),
    ("横浜市西区", "神奈川県", "220-0012"),
)
_JP_LAST = _pairs(
    "佐藤:sato 鈴木:suzuki 高橋:takahashi 田中:tanaka 伊藤:ito 渡辺:watanabe 山本:yamamoto"
    " 中村:nakamura 小林:kobayashi 加藤:kato"
)
_JP_FIRST = _pairs(
    "翔太:shota 太郎:taro 花子:hanako 健一:kenichi 由美:yumi 大輔:daisuke 陽子:yoko 直樹:naoki"
)


def _japanese(rng: Random) -> Company:
    words = [_pick(rng, _JP_PLACES), _pick(rng, _JP_WORDS)]
    core = "".join(text for text, _slug in words)
    slug = "".join(s for _t, s in words)
    roll = rng.random()
    if roll < 0.45:
        return Company("株式会社" + core, slug)
    if roll < 0.85:
        return Company(core + "株式会社", slug)
    if roll < 0.95:
        return Company(core + "有限会社", slug)
    return Company("合同会社" + core, slug)


def _japanese_street(rng: Random) -> str:
    return f"{rng.randint(1, 9)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}"


# -- Korean -------------------------------------------------------------------------------------
_KR_PLACES = _pairs(
    "한빛:hanbit 서울:seoul 부산:busan 대한:daehan 미래:mirae 우리:woori 하나:hana 새한:saehan"
    " 동방:dongbang 태양:taeyang 푸른:pureun 한강:hangang 누리:nuri"
)
_KR_WORDS = _pairs(
    "소프트:soft 데이터:data 시스템:system 전자:elec 정보통신:ict 물산:trading 건설:const"
    " 테크:tech 네트웍스:networks 바이오:bio 에너지:energy 디자인:design 클라우드:cloud"
)
_KR_CITIES = (
    ("강남구", "서울특별시", "06164"),
    ("중구", "서울특별시", "04524"),
    ("해운대구", "부산광역시", "48058"),
    ("분당구", "경기도", "13494"),
)
_KR_LAST = _pairs("김:kim 이:lee 박:park 최:choi 정:jung 강:kang 조:cho 윤:yoon")
_KR_FIRST = _pairs("민준:minjun 서연:seoyeon 지훈:jihoon 하은:haeun 도윤:doyoon 지우:jiwoo")


def _korean(rng: Random) -> Company:
    words = [_pick(rng, _KR_PLACES), _pick(rng, _KR_WORDS)]
    core = "".join(text for text, _slug in words)
    slug = "".join(s for _t, s in words)
    roll = rng.random()
    if roll < 0.4:
        return Company("(주)" + core, slug)
    if roll < 0.7:
        return Company(core + " 주식회사", slug)
    if roll < 0.9:
        return Company("주식회사 " + core, slug)
    return Company(core, slug)


def _korean_street(rng: Random) -> str:
    return f"테헤란로 {rng.randint(1, 500)}"


# -- Spanish, Portuguese, Dutch, Swedish, Polish, Thai -------------------------------------------
def _latin_company(
    trades: tuple[Word, ...],
    surnames: tuple[Word, ...],
    forms: tuple[str, ...],
    *,
    form_first: bool = False,  # sometimes: "AB Volvo"
) -> Callable[[Random], Company]:
    def company(rng: Random) -> Company:
        words = [_pick(rng, trades), _pick(rng, surnames)]
        if rng.random() < 0.3:
            words.reverse()
        form = forms[int(rng.random() * len(forms))]
        core = " ".join(text for text, _slug in words)
        slug = "".join(s for _t, s in words)
        return Company(
            f"{form} {core}" if form_first and rng.random() < 0.5 else f"{core} {form}", slug
        )

    return company


_SPANISH_SURNAMES = _latin(
    "García|Rodríguez|González|Fernández|López|Martínez|Sánchez|Pérez|Gómez|Martín|Jiménez"
    "|Ruiz|Hernández|Díaz|Moreno|Muñoz|Álvarez|Romero|Navarro|Torres|Domínguez|Vázquez"
)
_SPANISH_TRADES = _latin(
    "Soluciones Informáticas|Construcciones|Asesoría|Transportes|Distribuciones|Clínica Dental"
    "|Talleres|Consultoría Tecnológica|Inmobiliaria|Gestoría|Panadería|Farmacia|Ingeniería"
)
_PORTUGUESE_SURNAMES = _latin(
    "Silva|Santos|Oliveira|Souza|Rodrigues|Ferreira|Alves|Pereira|Lima|Gomes|Costa|Ribeiro"
    "|Martins|Carvalho|Araújo|Melo|Barbosa|Cardoso|Conceição|Gonçalves"
)
_PORTUGUESE_TRADES = _latin(
    "Tecnologia|Comércio de Alimentos|Construtora|Transportadora|Consultoria|Informática"
    "|Distribuidora|Serviços Médicos|Engenharia|Logística|Agropecuária|Contabilidade"
)
_DUTCH_SURNAMES = _latin(
    "De Jong|Jansen|De Vries|Van den Berg|Van Dijk|Bakker|Janssen|Visser|Smit|Meijer|De Boer"
    "|Mulder|De Groot|Bos|Vos|Peters|Hendriks|Van Leeuwen|Dekker|Brouwer"
)
_DUTCH_TRADES = _latin(
    "Automatisering|Installatietechniek|Bouw|Transport|Advies|Accountants|Tandartsen"
    "|Logistiek|ICT Diensten|Schilders|Makelaardij|Groothandel"
)
_SWEDISH_SURNAMES = _latin(
    "Andersson|Johansson|Karlsson|Nilsson|Eriksson|Larsson|Olsson|Persson|Svensson|Gustafsson"
    "|Lindqvist|Nordström|Lindström|Åberg|Sjöberg|Öberg|Bergström|Lundgren"
)
_SWEDISH_TRADES = _latin(
    "Data|Bygg|Konsult|Transport|Elektriska|Fastigheter|Redovisning|Måleri|Rör|Verkstad"
)
_POLISH_SURNAMES = _latin(
    "Nowak|Kowalski|Wiśniewski|Wójcik|Kowalczyk|Kamiński|Lewandowski|Zieliński|Szymański"
    "|Woźniak|Dąbrowski|Kozłowski|Jankowski|Mazur|Wojciechowski|Kwiatkowski"
)
_POLISH_TRADES = _latin(
    "Usługi Informatyczne|Budownictwo|Transport|Biuro Rachunkowe|Hurtownia|Serwis"
    "|Przedsiębiorstwo Handlowe|Doradztwo"
)
_TH_WORDS = _pairs(
    "สยาม:siam ไทย:thai กรุงเทพ:bangkok เชียงใหม่:chiangmai ดาต้า:data คลาวด์:cloud"
    " เทคโนโลยี:tech ซอฟต์แวร์:software ก่อสร้าง:construction โลจิสติกส์:logistics"
    " อาหาร:food การแพทย์:medical"
)


def _thai(rng: Random) -> Company:
    words = [_pick(rng, _TH_WORDS), _pick(rng, _TH_WORDS)]
    core = "".join(text for text, _slug in words)
    slug = "".join(s for _t, s in words)
    if rng.random() < 0.7:
        return Company(f"บริษัท {core} จำกัด", slug)
    return Company(f"บริษัท {core} จำกัด (มหาชน)", slug)


def _number_street(
    streets: tuple[Word, ...], *, number_first: bool = False
) -> Callable[[Random], str]:
    def street(rng: Random) -> str:
        name, number = _pick(rng, streets)[0], rng.randint(1, 250)
        return f"{number} {name}" if number_first else f"{name} {number}"

    return street


_ES_FIRST = _latin("Javier|Lucía|Carlos|María|Alejandro|Sofía|Sergio|Carmen|Íñigo|Begoña|Raúl")
_BR_FIRST = _latin("João|Maria|José|Ana|Lucas|Júlia|Gabriel|Letícia|Márcio|Conceição|Thiago")
_NL_FIRST = _latin("Daan|Emma|Sem|Julia|Lucas|Sophie|Bram|Anouk|Joost|Ingrid|Pieter")
_SE_FIRST = _latin("Erik|Anna|Lars|Karin|Per|Åsa|Björn|Maria|Göran|Ingrid|Sven")
_PL_FIRST = _latin("Piotr|Anna|Krzysztof|Małgorzata|Tomasz|Agnieszka|Paweł|Zofia|Łukasz")
_TH_FIRST = _pairs("สมชาย:somchai สมศรี:somsri ประยุทธ:prayut มาลี:malee วิชัย:wichai")
_TH_LAST = _pairs("สุขใจ:sukjai ศรีสวัสดิ์:srisawat วงศ์ใหญ่:wongyai แสงทอง:saengthong")

_US_PLACES = (
    ("Redmond", "WA", "98052"),
    ("Seattle", "WA", "98101"),
    ("Austin", "TX", "78701"),
    ("Chicago", "IL", "60601"),
    ("New York", "NY", "10001"),
    ("Denver", "CO", "80202"),
    ("Columbus", "OH", "43215"),
    ("San Jose", "CA", "95113"),
    ("Boston", "MA", "02108"),
)
_GB_PLACES = (
    ("London", "", "EC1A 1BB"),
    ("Manchester", "", "M1 1AE"),
    ("Leeds", "", "LS1 4DY"),
    ("Bristol", "", "BS1 4DJ"),
    ("Edinburgh", "", "EH1 1YZ"),
)
_AU_PLACES = (("Sydney", "NSW", "2000"), ("Melbourne", "VIC", "3000"), ("Brisbane", "QLD", "4000"))
_CA_PLACES = (
    ("Toronto", "ON", "M5H 2N2"),
    ("Vancouver", "BC", "V6B 1A1"),
    ("Calgary", "AB", "T2P 1J9"),
)
_AT_PLACES = (("Wien", "", "1010"), ("Graz", "", "8010"), ("Linz", "", "4020"))
_BE_PLACES = (("Bruxelles", "", "1000"), ("Liège", "", "4000"), ("Namur", "", "5000"))
_ES_PLACES = (
    ("Madrid", "Madrid", "28013"),
    ("Barcelona", "Barcelona", "08002"),
    ("Sevilla", "Sevilla", "41001"),
)
_BR_PLACES = (
    ("São Paulo", "SP", "01310-100"),
    ("Rio de Janeiro", "RJ", "20040-020"),
    ("Belo Horizonte", "MG", "30130-010"),
)
_NL_PLACES = (
    ("Amsterdam", "", "1012 AB"),
    ("Rotterdam", "", "3011 AA"),
    ("Utrecht", "", "3511 AA"),
)
_SE_PLACES = (("Stockholm", "", "111 52"), ("Göteborg", "", "411 03"), ("Malmö", "", "211 20"))
_PL_PLACES = (("Warszawa", "", "00-001"), ("Kraków", "", "30-001"), ("Gdańsk", "", "80-001"))
_TH_PLACES = (("บางรัก", "กรุงเทพมหานคร", "10500"), ("เมืองเชียงใหม่", "เชียงใหม่", "50000"))


def _english_style(forms: tuple[str, ...]) -> Style:
    return Style(_english(forms), _ENGLISH_FIRST, _ENGLISH_SURNAMES, _english_street)


_GERMAN = Style(_german, _GERMAN_FIRST, _GERMAN_SURNAMES, _german_street)
_FRENCH = Style(_french, _FRENCH_FIRST, _FRENCH_SURNAMES, _french_street)
_TAIWANESE = Style(_taiwanese, _TW_FIRST, _TW_LAST, _taiwanese_street, family_name_first=True)
_JAPANESE = Style(_japanese, _JP_FIRST, _JP_LAST, _japanese_street, family_name_first=True)
_KOREAN = Style(_korean, _KR_FIRST, _KR_LAST, _korean_street, family_name_first=True)
_SPANISH = Style(
    _latin_company(_SPANISH_TRADES, _SPANISH_SURNAMES, ("S.L.", "S.L.", "S.A.", "S.L.U.")),
    _ES_FIRST,
    _SPANISH_SURNAMES,
    _number_street(_latin("Calle Mayor|Gran Vía|Avenida de la Constitución")),
)
_PORTUGUESE = Style(
    _latin_company(_PORTUGUESE_TRADES, _PORTUGUESE_SURNAMES, ("Ltda.", "Ltda", "S.A.", "ME")),
    _BR_FIRST,
    _PORTUGUESE_SURNAMES,
    _number_street(_latin("Avenida Paulista|Rua da Consolação|Rua Augusta")),
)
_DUTCH = Style(
    _latin_company(_DUTCH_TRADES, _DUTCH_SURNAMES, ("B.V.", "B.V.", "N.V.", "V.O.F.")),
    _NL_FIRST,
    _DUTCH_SURNAMES,
    _number_street(_latin("Kerkstraat|Dorpsstraat|Stationsweg|Molenweg")),
)
_SWEDISH = Style(
    _latin_company(_SWEDISH_TRADES, _SWEDISH_SURNAMES, ("AB", "AB", "HB"), form_first=True),
    _SE_FIRST,
    _SWEDISH_SURNAMES,
    _number_street(_latin("Storgatan|Drottninggatan|Kungsgatan")),
)
_POLISH = Style(
    _latin_company(_POLISH_TRADES, _POLISH_SURNAMES, ("Sp. z o.o.", "Sp. z o.o.", "S.A.", "Sp.j.")),
    _PL_FIRST,
    _POLISH_SURNAMES,
    _number_street(_latin("ul. Marszałkowska|ul. Długa|ul. Piotrkowska")),
)
_THAI = Style(
    _thai,
    _TH_FIRST,
    _TH_LAST,
    _number_street(_pairs("ถนนสีลม:silom ถนนสุขุมวิท:sukhumvit"), number_first=True),
)

# Weights: roughly the mix of a partner selling in North America, Europe and East Asia.
LOCALES: tuple[Locale, ...] = (
    Locale("US", 28, "en-US", "com", _english_style(_US_FORMS), _US_PLACES),
    Locale("GB", 8, "en-GB", "co.uk", _english_style(_GB_FORMS), _GB_PLACES),
    Locale("AU", 4, "en-AU", "com.au", _english_style(_AU_FORMS), _AU_PLACES),
    Locale("CA", 3, "en-CA", "ca", _english_style(_CA_FORMS), _CA_PLACES),
    Locale("DE", 10, "de-DE", "de", _GERMAN, _GERMAN_CITIES),
    Locale("AT", 2, "de-AT", "at", _GERMAN, _AT_PLACES),
    Locale("FR", 7, "fr-FR", "fr", _FRENCH, _FRENCH_CITIES),
    Locale("BE", 2, "fr-BE", "be", _FRENCH, _BE_PLACES),
    Locale("TW", 12, "zh-TW", "com.tw", _TAIWANESE, _TW_CITIES),
    Locale("JP", 7, "ja-JP", "co.jp", _JAPANESE, _JP_CITIES),
    Locale("KR", 4, "ko-KR", "co.kr", _KOREAN, _KR_CITIES),
    Locale("ES", 3, "es-ES", "es", _SPANISH, _ES_PLACES),
    Locale("BR", 3, "pt-BR", "com.br", _PORTUGUESE, _BR_PLACES),
    Locale("NL", 2, "nl-NL", "nl", _DUTCH, _NL_PLACES),
    Locale("SE", 2, "sv-SE", "se", _SWEDISH, _SE_PLACES),
    Locale("PL", 2, "pl-PL", "pl", _POLISH, _PL_PLACES),
    Locale("TH", 1, "th-TH", "co.th", _THAI, _TH_PLACES),
)

TAGS = (
    "enterprise",
    "smb",
    "education",
    "nonprofit",
    "healthcare",
    "government",
    "gold",
    "renewal-q1",
    "renewal-q3",
    "migration",
    "key account",
    "csp-transition",
)

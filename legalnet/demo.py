"""`flask demo load`: a realistic federation to explore: member firms, clients and one account per role."""

from datetime import date, timedelta

import click
from flask.cli import with_appcontext

from legalnet.accounts.models import Organisation, Role, User
from legalnet.extensions import db
from legalnet.firms.models import (
    BarAdmission,
    ConflictParty,
    Firm,
    FirmJurisdiction,
    FirmLanguage,
    FirmPracticeArea,
    FirmStatus,
    Lawyer,
    Office,
)

DEMO_PASSWORD = "demo-pass-2026"

# name, local name, country, jurisdictions, practice areas, languages, city, capacity
DEMO_FIRMS = [
    ("Qianhai Harbour Law Firm", "前海港湾律师事务所", "CN", ["CN", "HK"], ["foreign-investment", "corporate-commercial", "arbitration"], ["zh", "yue", "en"], "Shenzhen", 8),
    ("Guangzhou Pearl River Law Firm", "广州珠江律师事务所", "CN", ["CN"], ["litigation", "employment", "real-estate"], ["zh", "yue", "en"], "Guangzhou", 6),
    ("Zhuhai Hengqin Law Offices", "珠海横琴律师事务所", "CN", ["CN", "MO"], ["foreign-investment", "tax", "corporate-commercial"], ["zh", "yue", "pt", "en"], "Zhuhai", 5),
    ("Shenzhen Nanshan IP Law Firm", "深圳南山知识产权律师事务所", "CN", ["CN"], ["intellectual-property", "technology-media-telecoms", "data-privacy"], ["zh", "en"], "Shenzhen", 7),
    ("Dongguan Lianhe Law Firm", "东莞联合律师事务所", "CN", ["CN"], ["employment", "trade-customs", "construction"], ["zh", "yue"], "Dongguan", 4),
    ("Foshan Shunde Law Firm", "佛山顺德律师事务所", "CN", ["CN"], ["litigation", "insolvency", "banking-finance"], ["zh", "yue", "en"], "Foshan", 5),
    ("Cheung & Lam Solicitors", "張林律師行", "HK", ["HK"], ["litigation", "arbitration", "insolvency"], ["yue", "en", "zh"], "Hong Kong", 6),
    ("Victoria Harbour Partners", "維港律師事務所", "HK", ["HK", "CN"], ["capital-markets", "mergers-acquisitions", "banking-finance"], ["en", "yue", "zh"], "Hong Kong", 9),
    ("Wan Chai Legal LLP", "灣仔律師事務所", "HK", ["HK"], ["data-privacy", "fintech", "technology-media-telecoms"], ["en", "yue"], "Hong Kong", 5),
    ("Kowloon Maritime Solicitors", "九龍海事律師行", "HK", ["HK"], ["maritime", "trade-customs", "arbitration"], ["en", "yue", "zh"], "Hong Kong", 4),
    ("Leal & Ferreira Advogados", "李費律師事務所", "MO", ["MO"], ["corporate-commercial", "real-estate", "private-client"], ["pt", "yue", "en", "zh"], "Macao", 4),
    ("Macau Cotai Legal", "澳門路氹法律事務所", "MO", ["MO", "HK"], ["litigation", "employment", "compliance-investigations"], ["pt", "yue", "en"], "Macao", 3),
    ("Tan & Koh LLC", None, "SG", ["SG"], ["arbitration", "mergers-acquisitions", "banking-finance"], ["en", "zh"], "Singapore", 8),
    ("Marina Bay Law Corporation", None, "SG", ["SG", "MY"], ["fintech", "data-privacy", "capital-markets"], ["en", "zh", "ms"], "Singapore", 6),
    ("Raffles Place Disputes LLP", None, "SG", ["SG"], ["litigation", "arbitration", "insolvency"], ["en"], "Singapore", 5),
    ("Lion City IP Partners", "狮城知识产权律师事务所", "SG", ["SG"], ["intellectual-property", "technology-media-telecoms"], ["en", "zh"], "Singapore", 4),
    ("Siam Legal Partners", "สยามลีกัลพาร์ทเนอร์ส", "TH", ["TH"], ["foreign-investment", "corporate-commercial", "real-estate"], ["th", "en"], "Bangkok", 6),
    ("Chao Phraya Law Office", "สำนักงานกฎหมายเจ้าพระยา", "TH", ["TH"], ["employment", "immigration", "litigation"], ["th", "en", "zh"], "Bangkok", 5),
    ("Chiang Mai Counsel", "เชียงใหม่เคาน์เซล", "TH", ["TH", "LA"], ["energy", "construction", "foreign-investment"], ["th", "lo", "en"], "Chiang Mai", 3),
    ("Ahmad Ibrahim & Co", None, "MY", ["MY"], ["islamic-finance", "banking-finance", "corporate-commercial"], ["ms", "en"], "Kuala Lumpur", 6),
    ("Penang Straits Advocates", "槟城海峡律师事务所", "MY", ["MY"], ["litigation", "real-estate", "employment"], ["ms", "en", "zh"], "Penang", 4),
    ("Lim Chambers", "林氏律师楼", "MY", ["MY", "SG"], ["tax", "trade-customs", "private-client"], ["en", "zh", "ms"], "Kuala Lumpur", 5),
    ("Nguyen & Tran Law", "Công ty Luật Nguyễn & Trần", "VN", ["VN"], ["foreign-investment", "intellectual-property", "employment"], ["vi", "en"], "Ho Chi Minh City", 6),
    ("Hanoi Capital Legal", "Công ty Luật Thủ Đô", "VN", ["VN"], ["real-estate", "construction", "energy"], ["vi", "en", "zh"], "Hanoi", 5),
    ("Saigon Trade Counsel", "Công ty Luật Sài Gòn", "VN", ["VN", "KH"], ["trade-customs", "maritime", "corporate-commercial"], ["vi", "en", "km"], "Ho Chi Minh City", 4),
    ("Wijaya & Partners", None, "ID", ["ID"], ["foreign-investment", "energy", "corporate-commercial"], ["id", "en"], "Jakarta", 7),
    ("Santoso Hukum", "Kantor Hukum Santoso", "ID", ["ID"], ["litigation", "employment", "islamic-finance"], ["id", "en"], "Surabaya", 4),
    ("Batam Free Zone Lawyers", None, "ID", ["ID", "SG"], ["trade-customs", "maritime", "tax"], ["id", "en", "zh"], "Batam", 3),
    ("Reyes Villanueva Law", None, "PH", ["PH"], ["corporate-commercial", "employment", "immigration"], ["fil", "en"], "Makati", 6),
    ("Cebu Island Counsel", None, "PH", ["PH"], ["real-estate", "maritime", "litigation"], ["fil", "en"], "Cebu", 3),
    ("Manila Bay Legal", None, "PH", ["PH"], ["data-privacy", "technology-media-telecoms", "fintech"], ["en", "fil"], "Manila", 4),
    ("Mekong Legal Cambodia", "មេគង្គ ច្បាប់", "KH", ["KH"], ["foreign-investment", "real-estate", "corporate-commercial"], ["km", "en", "zh"], "Phnom Penh", 4),
    ("Angkor Advocates", None, "KH", ["KH"], ["litigation", "employment", "tax"], ["km", "en"], "Siem Reap", 3),
    ("Vientiane Law Group", "ກຸ່ມກົດໝາຍວຽງຈັນ", "LA", ["LA"], ["energy", "foreign-investment", "construction"], ["lo", "en", "th"], "Vientiane", 4),
    ("Lao Mekong Counsel", None, "LA", ["LA", "TH"], ["corporate-commercial", "trade-customs"], ["lo", "th", "en"], "Vientiane", 3),
    ("Yangon Legal Associates", None, "MM", ["MM"], ["foreign-investment", "energy", "corporate-commercial"], ["my", "en"], "Yangon", 4),
    ("Mandalay Law Chambers", None, "MM", ["MM"], ["litigation", "real-estate"], ["my", "en", "zh"], "Mandalay", 3),
    ("Brunei Darussalam Legal", None, "BN", ["BN"], ["islamic-finance", "energy", "corporate-commercial"], ["ms", "en"], "Bandar Seri Begawan", 4),
    ("Seria Energy Counsel", None, "BN", ["BN", "MY"], ["energy", "construction", "employment"], ["ms", "en"], "Seria", 3),
    ("Greater Bay Cross-Border LLP", "大湾区跨境律师事务所", "HK", ["HK", "CN", "MO", "SG"], ["mergers-acquisitions", "foreign-investment", "compliance-investigations"], ["en", "zh", "yue"], "Hong Kong", 10),
]

DEMO_APPLICANTS = [
    ("Jiangmen Overseas Chinese Law Firm", "江门侨乡律师事务所", "CN", ["CN"], ["private-client", "immigration"], ["zh", "yue", "en"], "Jiangmen", 3),
    ("Da Nang Coastal Law", None, "VN", ["VN"], ["real-estate", "maritime"], ["vi", "en"], "Da Nang", 3),
    ("Huizhou Petrochem Legal", "惠州石化律师事务所", "CN", ["CN"], ["energy", "compliance-investigations"], ["zh"], "Huizhou", 2),
]

DEMO_SUSPENDED = ("Zhongshan Torch Law Firm", "中山火炬律师事务所", "CN", ["CN"], ["intellectual-property", "litigation"], ["zh", "yue"], "Zhongshan", 4)

DEMO_ORGANISATIONS = [
    ("Shenzhen Bright Robotics Co., Ltd.", "CN"),
    ("Kowloon Textiles Trading Limited", "HK"),
    ("Saigon Fresh Seafood JSC", "VN"),
]

DEMO_COUNTERPARTIES = ["Siam Cement Public Company Limited", "Vingroup Joint Stock Company", "Petronas Berhad",
                       "Ayala Corporation", "PT Astra International Tbk"]


def slug(name: str) -> str:
    """A plain e-mail-safe form of a firm name."""
    return "".join(ch for ch in name.lower() if ch.isalnum())[:24]


def make_firm(row, status: FirmStatus, index: int) -> Firm:
    """Build one demo firm with an office, a lawyer and its coverage."""
    name, local_name, country, jurisdictions, areas, languages, city, capacity = row
    firm = Firm(
        name=name, local_name=local_name, email=f"referrals@{slug(name)}.example", country=country,
        website=f"https://{slug(name)}.example", capacity=capacity, status=status,
        description=f"{name} advises companies in {city} and across the region.",
        raw_jurisdictions=list(jurisdictions), raw_practice_areas=list(areas), raw_languages=list(languages),
        renewal_date=date.today() + timedelta(days=30 + 11 * index) if status == FirmStatus.ACTIVE else None,
    )
    firm.jurisdictions = [FirmJurisdiction(code=c) for c in jurisdictions]
    firm.practice_areas = [FirmPracticeArea(code=c) for c in areas]
    firm.languages = [FirmLanguage(code=c) for c in languages]
    firm.offices = [Office(city=city, jurisdiction=jurisdictions[0])]
    lawyer = Lawyer(name=f"Partner of {name}", email=f"partner@{slug(name)}.example", title="Partner")
    lawyer.bar_admissions = [BarAdmission(jurisdiction=jurisdictions[0], registration_number=f"BAR-{1000 + index}")]
    firm.lawyers = [lawyer]
    if index % 7 == 3:
        from legalnet.matching.conflicts import normalise_entity

        party = DEMO_COUNTERPARTIES[index % len(DEMO_COUNTERPARTIES)]
        firm.conflict_parties = [ConflictParty(name=party, normalized_name=normalise_entity(party))]
    return firm


def demo_user(email: str, name: str, role: Role, **links) -> User:
    """A demo account with the README's password."""
    user = User(email=email, name=name, role=role, **links)
    user.set_password(DEMO_PASSWORD)
    return user


def load_demo() -> bool:
    """Create the demo data unless it is already there; returns whether anything was created."""
    if db.session.scalar(db.select(User).where(User.email == "staff@demo.example")) is not None:
        return False
    firms = [make_firm(row, FirmStatus.ACTIVE, i) for i, row in enumerate(DEMO_FIRMS)]
    applicants = [make_firm(row, FirmStatus.APPLICANT, 100 + i) for i, row in enumerate(DEMO_APPLICANTS)]
    suspended = make_firm(DEMO_SUSPENDED, FirmStatus.SUSPENDED, 200)
    db.session.add_all([*firms, *applicants, suspended])
    organisations = [Organisation(name=name, country=country) for name, country in DEMO_ORGANISATIONS]
    db.session.add_all(organisations)
    db.session.add_all([
        demo_user("client@demo.example", "Chen Wei (client)", Role.CLIENT, organisation=organisations[0]),
        demo_user("client2@demo.example", "Mary Wong (client)", Role.CLIENT, organisation=organisations[1]),
        demo_user("firm-admin@demo.example", "Lee Ka Ming (firm admin)", Role.FIRM_ADMIN, firm=firms[0]),
        demo_user("firm-lawyer@demo.example", "Zhang Li (firm lawyer)", Role.FIRM_LAWYER, firm=firms[0]),
        demo_user("firm-admin-sg@demo.example", "Priya Tan (firm admin)", Role.FIRM_ADMIN, firm=firms[12]),
        demo_user("applicant@demo.example", "Huang Min (applicant firm admin)", Role.FIRM_ADMIN, firm=applicants[0]),
        demo_user("staff@demo.example", "Sophie Ho (staff)", Role.STAFF),
        demo_user("staff-admin@demo.example", "David Lau (staff admin)", Role.STAFF_ADMIN),
    ])
    db.session.flush()
    return True


@click.group("demo")
def demo_cli():
    """Demo data."""


@demo_cli.command("load")
@with_appcontext
def load_command():
    """Load the demo federation (skipped when it is already loaded)."""
    created = load_demo()
    db.session.commit()
    click.echo("Demo data loaded." if created else "Demo data already present; nothing changed.")

"""`flask demo load`: a realistic federation to explore: member firms, clients and one account per role."""

import secrets
from datetime import date, datetime, time, timedelta

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import update

from legalnet.accounts.models import STAFF_ROLES, Organisation, Role, User
from legalnet.core.audit import AuditLog
from legalnet.core.models import utcnow
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
from legalnet.intake import services as intake
from legalnet.intake.models import LegalRequest, Outcome, RequestStatus
from legalnet.matching.conflicts import normalise_entity
from legalnet.notifications.models import Notification, OutboxEmail, OutboxStatus
from legalnet.referrals import cases, offers
from legalnet.referrals import services as referrals
from legalnet.referrals.models import CaseEvent, Feedback, Message, Offer

DEMO_PASSWORD = "demo-pass-2026"
# Staff must sign in with a second factor; the demo's staff accounts share this published authenticator key
# (README), as they share the password.
DEMO_TOTP_SECRET = "LEGALNETDEMOSTAFFKEYTWOFACTORXYZ"

# name, local name, country, jurisdictions, practice areas, languages, city, capacity
DEMO_FIRMS = [
    ("Qianhai Harbour Law Firm", "前海港湾律师事务所", "CN", ["CN", "HK"],
     ["foreign-investment", "corporate-commercial", "arbitration"], ["zh", "yue", "en"], "Shenzhen", 8),
    ("Guangzhou Pearl River Law Firm", "广州珠江律师事务所", "CN", ["CN"],
     ["litigation", "employment", "real-estate"], ["zh", "yue", "en"], "Guangzhou", 6),
    ("Zhuhai Hengqin Law Offices", "珠海横琴律师事务所", "CN", ["CN", "MO"],
     ["foreign-investment", "tax", "corporate-commercial"], ["zh", "yue", "pt", "en"], "Zhuhai", 5),
    ("Shenzhen Nanshan IP Law Firm", "深圳南山知识产权律师事务所", "CN", ["CN"],
     ["intellectual-property", "technology-media-telecoms", "data-privacy"], ["zh", "en"], "Shenzhen", 7),
    ("Dongguan Lianhe Law Firm", "东莞联合律师事务所", "CN", ["CN"],
     ["employment", "trade-customs", "construction"], ["zh", "yue"], "Dongguan", 4),
    ("Foshan Shunde Law Firm", "佛山顺德律师事务所", "CN", ["CN"],
     ["litigation", "insolvency", "banking-finance"], ["zh", "yue", "en"], "Foshan", 5),
    ("Cheung & Lam Solicitors", "張林律師行", "HK", ["HK"],
     ["litigation", "arbitration", "insolvency"], ["yue", "en", "zh"], "Hong Kong", 6),
    ("Victoria Harbour Partners", "維港律師事務所", "HK", ["HK", "CN"],
     ["capital-markets", "mergers-acquisitions", "banking-finance"], ["en", "yue", "zh"], "Hong Kong", 9),
    ("Wan Chai Legal LLP", "灣仔律師事務所", "HK", ["HK"],
     ["data-privacy", "fintech", "technology-media-telecoms"], ["en", "yue"], "Hong Kong", 5),
    ("Kowloon Maritime Solicitors", "九龍海事律師行", "HK", ["HK"],
     ["maritime", "trade-customs", "arbitration"], ["en", "yue", "zh"], "Hong Kong", 4),
    ("Leal & Ferreira Advogados", "李費律師事務所", "MO", ["MO"],
     ["corporate-commercial", "real-estate", "private-client"], ["pt", "yue", "en", "zh"], "Macao", 4),
    ("Macau Cotai Legal", "澳門路氹法律事務所", "MO", ["MO", "HK"],
     ["litigation", "employment", "compliance-investigations"], ["pt", "yue", "en"], "Macao", 3),
    ("Tan & Koh LLC", None, "SG", ["SG"],
     ["arbitration", "mergers-acquisitions", "banking-finance"], ["en", "zh"], "Singapore", 8),
    ("Marina Bay Law Corporation", None, "SG", ["SG", "MY"],
     ["fintech", "data-privacy", "capital-markets"], ["en", "zh", "ms"], "Singapore", 6),
    ("Raffles Place Disputes LLP", None, "SG", ["SG"],
     ["litigation", "arbitration", "insolvency"], ["en"], "Singapore", 5),
    ("Lion City IP Partners", "狮城知识产权律师事务所", "SG", ["SG"],
     ["intellectual-property", "technology-media-telecoms"], ["en", "zh"], "Singapore", 4),
    ("Siam Legal Partners", "สยามลีกัลพาร์ทเนอร์ส", "TH", ["TH"],
     ["foreign-investment", "corporate-commercial", "real-estate"], ["th", "en"], "Bangkok", 6),
    ("Chao Phraya Law Office", "สำนักงานกฎหมายเจ้าพระยา", "TH", ["TH"],
     ["employment", "immigration", "litigation"], ["th", "en", "zh"], "Bangkok", 5),
    ("Chiang Mai Counsel", "เชียงใหม่เคาน์เซล", "TH", ["TH", "LA"],
     ["energy", "construction", "foreign-investment"], ["th", "lo", "en"], "Chiang Mai", 3),
    ("Ahmad Ibrahim & Co", None, "MY", ["MY"],
     ["islamic-finance", "banking-finance", "corporate-commercial"], ["ms", "en"], "Kuala Lumpur", 6),
    ("Penang Straits Advocates", "槟城海峡律师事务所", "MY", ["MY"],
     ["litigation", "real-estate", "employment"], ["ms", "en", "zh"], "Penang", 4),
    ("Lim Chambers", "林氏律师楼", "MY", ["MY", "SG"],
     ["tax", "trade-customs", "private-client"], ["en", "zh", "ms"], "Kuala Lumpur", 5),
    ("Nguyen & Tran Law", "Công ty Luật Nguyễn & Trần", "VN", ["VN"],
     ["foreign-investment", "intellectual-property", "employment"], ["vi", "en"], "Ho Chi Minh City", 6),
    ("Hanoi Capital Legal", "Công ty Luật Thủ Đô", "VN", ["VN"],
     ["real-estate", "construction", "energy"], ["vi", "en", "zh"], "Hanoi", 5),
    ("Saigon Trade Counsel", "Công ty Luật Sài Gòn", "VN", ["VN", "KH"],
     ["trade-customs", "maritime", "corporate-commercial"], ["vi", "en", "km"], "Ho Chi Minh City", 4),
    ("Wijaya & Partners", None, "ID", ["ID"],
     ["foreign-investment", "energy", "corporate-commercial"], ["id", "en"], "Jakarta", 7),
    ("Santoso Hukum", "Kantor Hukum Santoso", "ID", ["ID"],
     ["litigation", "employment", "islamic-finance"], ["id", "en"], "Surabaya", 4),
    ("Batam Free Zone Lawyers", None, "ID", ["ID", "SG"],
     ["trade-customs", "maritime", "tax"], ["id", "en", "zh"], "Batam", 3),
    ("Reyes Villanueva Law", None, "PH", ["PH"],
     ["corporate-commercial", "employment", "immigration"], ["fil", "en"], "Makati", 6),
    ("Cebu Island Counsel", None, "PH", ["PH"], ["real-estate", "maritime", "litigation"], ["fil", "en"], "Cebu", 3),
    ("Manila Bay Legal", None, "PH", ["PH"],
     ["data-privacy", "technology-media-telecoms", "fintech"], ["en", "fil"], "Manila", 4),
    ("Mekong Legal Cambodia", "មេគង្គ ច្បាប់", "KH", ["KH"],
     ["foreign-investment", "real-estate", "corporate-commercial"], ["km", "en", "zh"], "Phnom Penh", 4),
    ("Angkor Advocates", None, "KH", ["KH"], ["litigation", "employment", "tax"], ["km", "en"], "Siem Reap", 3),
    ("Vientiane Law Group", "ກຸ່ມກົດໝາຍວຽງຈັນ", "LA", ["LA"],
     ["energy", "foreign-investment", "construction"], ["lo", "en", "th"], "Vientiane", 4),
    ("Lao Mekong Counsel", None, "LA", ["LA", "TH"],
     ["corporate-commercial", "trade-customs"], ["lo", "th", "en"], "Vientiane", 3),
    ("Yangon Legal Associates", None, "MM", ["MM"],
     ["foreign-investment", "energy", "corporate-commercial"], ["my", "en"], "Yangon", 4),
    ("Mandalay Law Chambers", None, "MM", ["MM"], ["litigation", "real-estate"], ["my", "en", "zh"], "Mandalay", 3),
    ("Brunei Darussalam Legal", None, "BN", ["BN"],
     ["islamic-finance", "energy", "corporate-commercial"], ["ms", "en"], "Bandar Seri Begawan", 4),
    ("Seria Energy Counsel", None, "BN", ["BN", "MY"],
     ["energy", "construction", "employment"], ["ms", "en"], "Seria", 3),
    ("Greater Bay Cross-Border LLP", "大湾区跨境律师事务所", "HK", ["HK", "CN", "MO", "SG"],
     ["mergers-acquisitions", "foreign-investment", "compliance-investigations"], ["en", "zh", "yue"], "Hong Kong", 10),
]

DEMO_APPLICANTS = [
    ("Jiangmen Overseas Chinese Law Firm", "江门侨乡律师事务所", "CN", ["CN"],
     ["private-client", "immigration"], ["zh", "yue", "en"], "Jiangmen", 3),
    ("Da Nang Coastal Law", None, "VN", ["VN"], ["real-estate", "maritime"], ["vi", "en"], "Da Nang", 3),
    ("Huizhou Petrochem Legal", "惠州石化律师事务所", "CN", ["CN"],
     ["energy", "compliance-investigations"], ["zh"], "Huizhou", 2),
]

DEMO_SUSPENDED = ("Zhongshan Torch Law Firm", "中山火炬律师事务所", "CN", ["CN"],
                  ["intellectual-property", "litigation"], ["zh", "yue"], "Zhongshan", 4)

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
        party = DEMO_COUNTERPARTIES[index % len(DEMO_COUNTERPARTIES)]
        firm.conflict_parties = [ConflictParty(name=party, normalized_name=normalise_entity(party))]
    return firm


def demo_user(email: str, name: str, role: Role, **links) -> User:
    """A demo account with the README's password (and, for staff, the README's authenticator key)."""
    user = User(email=email, name=name, role=role, **links)
    user.set_password(DEMO_PASSWORD)
    if role in STAFF_ROLES:
        user.totp_secret = DEMO_TOTP_SECRET
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
    load_demo_history()
    return True


@click.group("demo")
def demo_cli():
    """Demo data."""


@demo_cli.command("load")
@click.option("--force-demo", is_flag=True,
              help="Load it even in production (the demo accounts share a published password).")
@with_appcontext
def load_command(force_demo: bool):
    """Load the demo federation (skipped when it is already loaded); refused in production."""
    if current_app.config.get("ENV_NAME") == "production" and not force_demo:
        raise click.ClickException("Refusing to load the demo in production: its accounts share the password "
                                   "printed in the README. Add --force-demo if you really mean it.")
    created = load_demo()
    db.session.commit()
    click.echo("Demo data loaded." if created else "Demo data already present; nothing changed.")


# ------------------------------------------------------------------------------------------ history
# Three months of past requests, run through the real workflow services and then dated back, so that
# the staff dashboard, the queues and the demo accounts' pages show a believable past.

# days ago, client (0 or 1), title, description, jurisdictions, practice areas, languages, counterparties,
# urgency, the firm the client wants (index in DEMO_FIRMS, or None for the best match), and the story:
# a list of steps (what happens, hours after the previous step).
DEMO_HISTORY = [
    (88, 0, "Joint venture in Qianhai with a Hong Kong partner",
     "We plan a 60/40 joint venture in Qianhai with a Hong Kong logistics company and need the JV contract "
     "and the registration.", ["CN", "HK"], ["foreign-investment", "corporate-commercial"], ["zh", "en"], [],
     "standard", 0, [("accept", 3), ("message", 5), ("reply", 20), ("close_resolved", 720), ("rate", 24)]),
    (81, 1, "Arbitration against a Singapore fabric supplier",
     "Our supplier in Singapore delivered defective fabric and refuses to refund; the contract has a SIAC clause.",
     ["SG"], ["arbitration"], ["en"], ["Lion Textiles Pte. Ltd."], "standard", 12,
     [("accept", 6), ("message", 2), ("reply", 30), ("close_resolved", 480), ("rate", 48)]),
    (75, 0, "Trade mark registration in Vietnam",
     "我们需要在越南注册三个商标，并检查是否有人抢注。", [], [], ["zh", "vi"], [], "standard", None,
     [("expire", 49), ("accept", 10), ("message", 4), ("reply", 6), ("close_resolved", 900), ("rate", 12)]),
    (68, 1, "Dismissal of shop staff in Kowloon",
     "We need advice on dismissing two employees of our Kowloon shop and on the severance due.",
     ["HK"], ["employment"], ["en", "yue"], [], "urgent", None,
     [("decline", 20), ("accept", 8), ("message", 3), ("close_no_engagement", 240), ("rate", 20)]),
    (60, 0, "Setting up a robotics subsidiary in Thailand",
     "We want a Thai subsidiary with BOI promotion for our robot assembly line in the Eastern Economic Corridor.",
     ["TH"], ["foreign-investment"], ["en", "zh"], [], "standard", None,
     [("accept", 26), ("in_progress", 2), ("message", 5), ("reply", 18), ("message", 200)]),
    (52, 1, "Transfer pricing review for Malaysia and Singapore",
     "We need a transfer pricing review of our sourcing company in Kuala Lumpur and its Singapore parent.",
     ["MY", "SG"], ["tax"], ["en"], [], "urgent", None,
     [("expire", 25), ("accept", 20), ("in_progress", 4), ("message", 6), ("reply", 3)]),
    (45, 0, "Acquisition of a Hong Kong robotics distributor",
     "We are buying 100% of our Hong Kong distributor and need due diligence and the share purchase agreement.",
     ["HK", "CN"], ["mergers-acquisitions", "corporate-commercial"], ["zh", "en"], ["Harbour Robotics Limited"],
     "standard", 0, [("accept", 2), ("in_progress", 1), ("message", 3), ("reply", 4), ("note", 5)]),
    (38, 1, "Payment licence for a Singapore subsidiary",
     "Our Singapore subsidiary will collect payments from retailers; do we need a MAS payment licence?",
     ["SG"], ["banking-finance", "fintech"], ["en"], [], "standard", 12,
     [("accept", 5), ("in_progress", 1), ("message", 8)]),
    (30, 0, "Factory lease in Binh Duong",
     "Review of a 10-year factory lease in Binh Duong province, Vietnam.", ["VN"], ["real-estate"], ["en", "vi"],
     ["Vingroup Joint Stock Company"], "standard", None, [("cancel", 20)]),
    (24, 1, "Acquiring a Singapore textile brand",
     "We are in talks to acquire a Singapore fashion brand and its online shop.", ["SG"], ["mergers-acquisitions"],
     ["en"], [], "standard", 12, [("accept", 4), ("message", 2), ("reply", 5)]),
    (17, 0, "Solar plant permits in Indonesia",
     "We supply inverters to a 50 MW solar plant in Central Java and must check the local content and permits.",
     ["ID"], ["energy", "foreign-investment"], ["en", "id"], ["PT Astra International Tbk"], "standard", None,
     [("decline", 12), ("expire", 49), ("accept", 12), ("message", 6)]),
    (8, 0, "Shareholder dispute in our Shenzhen joint venture",
     "Our Hong Kong partner blocks the board of our Shenzhen joint venture; we need urgent advice on arbitration.",
     ["CN", "HK"], ["arbitration", "corporate-commercial"], ["zh", "en"], [], "urgent", 0,
     [("decline", 5), ("accept", 9), ("message", 2)]),
    (5, 1, "Customs classification dispute in Cambodia",
     "Cambodian customs reclassified our garment shipments and claims back duties.", ["KH"], ["trade-customs"],
     ["en", "km"], [], "standard", None, [("expire", 49)]),
    (3, 1, "Landlord dispute over a Tsim Sha Tsui shop",
     "Our landlord in Tsim Sha Tsui refuses to return the deposit at the end of the lease.", ["HK"],
     ["litigation", "real-estate"], ["en", "yue"], [], "standard", None, []),
    (1, 0, "Wholly foreign-owned enterprise in Qianhai",
     "We want to set up a WFOE in Qianhai for our Vietnamese trading arm and need the registration done.",
     ["CN"], ["foreign-investment", "corporate-commercial"], ["zh", "en"], [], "standard", 0, [("wait", 0)]),
    # No member covers both countries: the shortlist proposes a team of a Thai and a Vietnamese firm.
    (2, 0, "Distribution network in Thailand and Vietnam",
     "We are appointing distributors for our robots in Thailand and Vietnam and need the distribution "
     "agreements under each country's law.", ["TH", "VN"], ["corporate-commercial"], ["en"], [], "standard",
     None, []),
]

DEMO_MESSAGES = {
    "message": "Thank you for taking this on. We have uploaded the documents you asked for; when can we talk?",
    "reply": "Thank you. We have read the documents and will send you our first advice and a fee estimate "
             "by the end of the week.",
    "note": "Conflict check re-run after the target's shareholders list arrived: clear.",
}


class DemoClock:
    """Dates back what the services wrote "now": every timestamp at or after the start of the history run
    is set to the story's time of the step that wrote it."""

    def __init__(self):
        self.started = utcnow()

    def stamp(self, when) -> None:
        """Give every row written since the last stamp the time `when`."""
        db.session.flush()
        for offer in db.session.scalars(db.select(Offer).where(Offer.offered_at >= self.started)):
            offer.respond_by = when + (offer.respond_by - offer.offered_at)
            offer.offered_at = when
        db.session.flush()
        columns = [(LegalRequest, "created_at"), (LegalRequest, "updated_at"), (LegalRequest, "accepted_at"),
                   (LegalRequest, "closed_at"), (Offer, "responded_at"), (CaseEvent, "created_at"),
                   (Message, "created_at"), (Feedback, "created_at"), (AuditLog, "created_at"),
                   (Notification, "created_at"), (Firm, "last_referred_at")]
        for model, name in columns:
            column = getattr(model, name)
            db.session.execute(update(model).where(column >= self.started).values({name: when}),
                               execution_options={"synchronize_session": False})
        # The e-mails of the past were delivered then; the outbox must not send them again now.
        db.session.execute(update(OutboxEmail).where(OutboxEmail.created_at >= self.started)
                           .values(created_at=when, next_attempt_at=when, sent_at=when, status=OutboxStatus.SENT),
                           execution_options={"synchronize_session": False})
        db.session.expire_all()


def firm_actor(firm: Firm) -> User:
    """The firm's first account, or a desk account (without a usable password) for firms that have none."""
    user = db.session.scalar(db.select(User).where(User.firm_id == firm.id).order_by(User.id))
    if user is None:
        user = User(email=f"desk@{slug(firm.name)}.example", name=f"Referrals desk, {firm.name}",
                    role=Role.FIRM_ADMIN, firm=firm)
        user.set_password(secrets.token_urlsafe(24))
        db.session.add(user)
        db.session.flush()
    return user


def _first_offer(req, client, staff, firm: Firm | None, now=None):
    """The client picks its firm from the shortlist, or the centre refers it by hand when the firm is not
    among the client's choices; the offer is dated `now`, so its deadline is the story's."""
    if firm is None:
        candidates = offers.eligible_matches(req)
        return referrals.choose_firm(req, client, candidates[0].firm_id if candidates else None, now=now)
    choices = [m.firm_id for m in offers.eligible_matches(req)[:offers.CLIENT_CHOICES]]
    if firm.id in choices:
        return referrals.choose_firm(req, client, firm.id, now=now)
    return referrals.refer_by_hand(req, firm, staff, "The client asked for this firm.", confirmed=True, now=now)


def _refer_by_hand(req, staff, now=None):
    """Staff offer a request that needs review to a firm of its jurisdiction that has not had it yet."""
    tried = offers.offered_firm_ids(req)
    firm = db.session.scalar(
        db.select(Firm).join(FirmJurisdiction).where(
            FirmJurisdiction.code == req.jurisdictions[0], Firm.status == FirmStatus.ACTIVE,
            Firm.open_cases < Firm.capacity, Firm.id.not_in(tried or [0])).order_by(Firm.id))
    if firm is None or offers.screen_firm(req, firm):
        return None
    return referrals.refer_by_hand(req, firm, staff, "The shortlist ran out; referred to a firm of the jurisdiction.",
                                   confirmed=True, now=now)


def load_demo_history() -> int:
    """Run the demo's past requests through the workflow, dated over the last three months; returns how
    many requests it created (none when some already exist)."""
    if db.session.scalar(db.select(db.func.count(LegalRequest.id))):
        return 0
    clock = DemoClock()
    now = clock.started
    users = {u.email: u for u in db.session.scalars(db.select(User).where(User.email.like("%@demo.example")))}
    clients = [users["client@demo.example"], users["client2@demo.example"]]
    staff = users["staff@demo.example"]
    firms = {f.name: f for f in db.session.scalars(db.select(Firm))}
    created = 0
    for days, who, title, text, juris, areas, langs, parties, urgency, firm_index, story in DEMO_HISTORY:
        client = clients[who]
        # Office hours in Shenzhen (UTC+8): 09:30 local, a few minutes apart per request.
        when = datetime.combine(now.date() - timedelta(days=days), time(1, 30)) + timedelta(minutes=7 * created)
        req = intake.submit_request(client, intake.RequestInput(
            title=title, description=text, jurisdictions=juris, practice_areas=areas, languages=langs,
            counterparties=parties, urgency=urgency, consent_to_share=True))
        created += 1
        clock.stamp(when)
        if not story or req.status != RequestStatus.MATCHED:
            continue
        wanted = firms[DEMO_FIRMS[firm_index][0]] if firm_index is not None else None
        when += timedelta(minutes=40)
        # Offers are made at the story's time, so that their deadlines, the timeline and the notices sent
        # to the firms all give the same respond-by time (DemoClock.stamp leaves such offers alone).
        _first_offer(req, client, staff, wanted, now=when)
        clock.stamp(when)
        for step, hours in story:
            when += timedelta(hours=hours)
            if when >= now:
                break
            req = db.session.get(LegalRequest, req.id)
            offer = next(iter(req.open_offers), None)
            if step == "accept" and offer is None and req.status == RequestStatus.NEEDS_REVIEW:
                # The shortlist ran out: the centre refers the request by hand, as staff do.
                offer = _refer_by_hand(req, staff, now=when)
                clock.stamp(when)
                when += timedelta(hours=2)
            if step == "accept" and offer:
                # A firm that accepts does so in time, whatever the story's clock says.
                when = min(when, offer.respond_by - timedelta(minutes=30))
                referrals.accept_offer(offer, firm_actor(offer.firm), True, now=when)
            elif step == "decline" and offer:
                referrals.decline_offer(offer, firm_actor(offer.firm), "We are at capacity this month.", now=when)
            elif step == "expire" and offer:
                when = max(when, offer.respond_by + timedelta(minutes=5))
                if when >= now:
                    break
                referrals.expire_offer(offer.id, now=when)
            elif step == "cancel":
                intake.cancel_request(req, client, "We found a lawyer through a business partner.")
            elif step == "in_progress" and req.is_case:
                cases.set_case_status(req, firm_actor(req.accepted_offer.firm), RequestStatus.IN_PROGRESS)
            elif step in ("message", "reply", "note") and req.is_case:
                sender = client if step == "message" else firm_actor(req.accepted_offer.firm)
                if step == "note":
                    cases.add_note(req, sender, DEMO_MESSAGES[step])
                else:
                    cases.post_message(req, sender, DEMO_MESSAGES[step])
            elif step.startswith("close_") and req.is_case:
                cases.close_case(req, client, Outcome(step.removeprefix("close_")),
                                     "Thank you for the help." if step == "close_resolved" else "")
            elif step == "rate" and req.status == RequestStatus.CLOSED:
                rating = 5 if days > 85 else 4 if days > 70 else 3
                cases.leave_feedback(req, client, rating, "Quick, clear and practical advice.")
            clock.stamp(when)
    # Tan & Koh took on a long arbitration and lowered the number of new cases it can take for now.
    tan_koh = firms["Tan & Koh LLC"]
    tan_koh.capacity = max(tan_koh.open_cases, 1)
    # Notifications of more than a week ago have been read.
    db.session.execute(db.update(Notification).where(Notification.created_at < now - timedelta(days=7))
                       .values(read_at=Notification.created_at), execution_options={"synchronize_session": False})
    db.session.flush()
    return created

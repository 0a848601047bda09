"""Words the generated forum is made of: tags, names, roles, level codes and title parts.

All of it was written for Rungs' seeding; nothing is copied from real posts. Lists are plain
data so the generators stay short; their order matters (the first tags are the most popular).
"""


def _lines(text: str) -> tuple[str, ...]:
    """One entry per non-empty line, trimmed: the lists below read like the data they are."""
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


# Most popular first: shapes.py gives tag number k a Zipf weight of 1/k^s.
BASE_TAGS = tuple(
    """
    promotion performance-review pip manager interviewing burnout career-growth on-call
    system-design mentoring code-review feedback compensation layoffs tech-lead senior-engineer
    junior-engineer staff-engineer imposter-syndrome work-life-balance remote-work job-search
    negotiation visibility scope ownership estimation incident-response postmortem sre backend
    kubernetes observability architecture technical-debt documentation communication stakeholders
    team-conflict reorg calibration self-review brag-document growth-plan promo-packet leveling
    team-change startup big-tech first-job internship onboarding pairing testing databases
    reliability delegation prioritization meetings one-on-ones skip-level hiring resume
    career-switch management-track ic-track certifications learning side-projects open-source
    public-speaking writing design-docs rfc deadlines crunch toil pager-fatigue capacity-planning
    migrations legacy-code refactoring microservices cloud-costs security compliance
    """.split()
)

# Generated compounds ("kubernetes-migration") fill the tag list up to the size asked for.
COMPOUND_LEFT = tuple(
    """
    kubernetes terraform postgres kafka golang python java rust aws gcp azure react graphql grpc
    redis linux monolith data-pipeline ci helm prometheus mobile frontend ml platform api
    payments search networking storage
    """.split()
)
COMPOUND_RIGHT = tuple(
    """
    migration rollout upgrade outage ownership interview certification adoption rewrite
    performance costs design incident scaling testing expertise
    """.split()
)

# How some tags read inside a sentence; the rest read as their words.
TAG_PHRASES = {
    "pip": "a PIP",
    "promotion": "a promotion",
    "performance-review": "my performance review",
    "manager": "my manager",
    "on-call": "on-call",
    "sre": "SRE work",
    "ic-track": "the IC track",
    "rfc": "writing RFCs",
    "one-on-ones": "one-on-ones",
    "skip-level": "skip-level meetings",
    "promo-packet": "my promo packet",
    "brag-document": "a brag document",
    "big-tech": "big tech",
}
CAPITALS = {
    "kubernetes": "Kubernetes", "terraform": "Terraform", "postgres": "Postgres",
    "kafka": "Kafka", "golang": "Go", "python": "Python", "java": "Java", "rust": "Rust",
    "aws": "AWS", "gcp": "GCP", "azure": "Azure", "react": "React", "graphql": "GraphQL",
    "grpc": "gRPC", "redis": "Redis", "linux": "Linux", "ci": "CI", "helm": "Helm",
    "prometheus": "Prometheus", "ml": "ML", "api": "API", "sre": "SRE", "rfc": "RFC",
}  # fmt: skip

FIRST_NAMES = tuple(
    """
    Aisha Alex Amara Ana Andrei Anika Arjun Ben Bianca Carlos Chen Chloe Dana Daniel Darius Elif
    Elena Emeka Farah Felix Grace Hana Hiro Ibrahim Ines Ivan Jamal Jana Jonas Julia Kai Kenji
    Lars Lea Leila Luca Maya Mateo Mei Mira Nadia Nikhil Nora Omar Oskar Pablo Priya Quinn Rafael
    Ravi Rosa Sam Sara Selin Sofia Tariq Tomas Uma Victor Wei Yara Yusuf Zara Zoe Ahmed Bruno
    Camila Dmitri Esther Fatima Gabriel Hugo Isla Jin Kofi Lina Marco Nia Olu Petra Rina Soren
    """.split()
)
LAST_NAMES = tuple(
    """
    Adeyemi Alvarez Andersen Bakker Bello Bergstrom Brennan Castillo Chandra Costa Dubois Eriksen
    Fischer Fonseca Garcia Gupta Haddad Hansen Herrera Hoang Ibarra Ito Jensen Kaur Kim Kowalski
    Kulkarni Lindqvist Lopez Mahmoud Martin Mensah Mori Moreau Murphy Nakamura Novak Nunez Okafor
    Olsen Park Patel Petrov Quinn Raman Reyes Rossi Said Sato Schmidt Silva Singh Sousa Tanaka
    Torres Nguyen Vasquez Volkov Wagner Walsh Webb Weber Yilmaz Zhang Zielinski Abbott Baptiste
    Cohen Demir Ekwueme Farouk Gallo Holm Iqbal Jovanovic Kader Laine Meyer Nowak Osei Price
    """.split()
)
EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example.com")

HEADLINES = (
    "Software Engineer",
    "Backend Engineer",
    "Site Reliability Engineer",
    "Platform Engineer",
    "Infrastructure Engineer",
    "DevOps Engineer",
    "Full-Stack Engineer",
    "Data Engineer",
    "Production Engineer",
    "Cloud Engineer",
    "Systems Engineer",
    "API Engineer",
    "Tech Lead",
    "Engineering Manager",
)
COMPANIES = (
    "Northwind Cloud",
    "Parcelly",
    "Lumen Health",
    "Orbitly",
    "Quayside Payments",
    "Kestrel Logistics",
    "Tallyhoo",
    "Brightpath Learning",
    "Copperleaf Bank",
    "Hollow Pine Games",
    "Meridian Freight",
    "Saltmarsh Analytics",
)
# Level codes as people type them; accounts.bands turns each into its band.
LEVEL_CODES = {
    "junior": ("L3", "E3", "IC1", "SDE I", "Junior Engineer", "Associate Engineer", "Engineer I"),
    "mid": ("L4", "E4", "IC2", "SDE II", "Engineer II", "Software Engineer II", "Mid-level"),
    "senior": ("L5", "E5", "IC3", "SDE III", "Senior Engineer", "Senior SRE", "Sr. Engineer"),
    "staff": ("L6", "E6", "Staff Engineer", "Principal Engineer"),
}

# {topic} reads the question's first tag, {other} another of its tags.
TITLE_TEMPLATES = _lines(
    """
    How do I handle {topic} when {situation}?
    Is it normal that {situation} ({time} in, {band})?
    My manager says {claim}. What should I do about {topic}?
    How should a {band} engineer approach {topic} when {situation}?
    What does good {topic} look like for a {band} engineer {time} in?
    Should I push back on {topic} when {situation}?
    How do I balance {topic} and {other} when {situation}?
    Does {topic} count toward my next level if {situation}?
    How much {other} is expected from a {band} engineer {time} in?
    I was asked to {action}; where do I start with {topic}?
    How do senior engineers deal with {topic} when {situation}?
    What to do when {situation} and {topic} is on the line?
    {time} in and {situation}: what now?
    Is {topic} worth it when {situation}?
    How do I talk about {topic} and {other} in my self-review?
    Advice on {topic} and {other} before my next review?
    How do I {action} as a {band} engineer when {situation}?
    Was it a mistake to {action} when {situation}?
    My manager says {claim}, but {situation}. Who is right?
    Any tips for {topic} when {situation}?
    {topic} vs {other}: which matters more for a {band} engineer?
    """
)
SITUATIONS = _lines(
    """
    my manager keeps moving the goalposts
    my team has no senior engineers
    I am the only SRE on the rotation
    the reorg changed my scope
    my promo packet was rejected twice
    I get paged almost every night
    my peers got promoted before me
    our tech lead just left
    the roadmap changes every quarter
    my feedback is always vague
    my one-on-ones keep getting cancelled
    I moved over from a small startup
    my team spans three time zones
    nobody reads my design docs
    I inherited a legacy service nobody understands
    my skip-level has never heard of my project
    the last incident review blamed me
    I am expected to mentor two new hires
    the calibration meeting is next week
    my manager changed three times this year
    half of my team was laid off
    I was moved to a team I did not choose
    my project was cancelled after six months
    the only other backend engineer quit
    my promotion was promised and then delayed
    I work on a legacy monolith nobody wants to touch
    my tech lead rewrites my pull requests
    our on-call load doubled after a migration
    I came back from parental leave
    I am the most senior person on a new team
    my peers are all ten years older than me
    my review said I lack ownership
    I keep getting pulled into other teams' incidents
    I was hired at a lower level than I interviewed for
    my team has no product manager
    I am expected to ship and to hire at the same time
    my company switched to stack ranking
    the roadmap is set without engineers in the room
    I have been on the same project for three years
    """
)
CLAIMS = _lines(
    """
    I need more visibility
    my scope is too small for the next level
    I should lead an incident review
    I am not ready to be promoted yet
    my code reviews are too harsh
    I should write more design docs
    I need to delegate more
    I am too quiet in meetings
    my estimates are always off
    I should take on more on-call shifts
    """
)
ACTIONS = _lines(
    """
    lead a cross-team migration
    write my first design doc
    ask for a promotion
    push back on an unrealistic deadline
    own our on-call rotation
    mentor an intern
    run an incident postmortem
    switch to the management track
    negotiate a counter-offer
    turn down a project
    rewrite a service from scratch
    give feedback to a senior peer
    """
)
# Appended to some titles: the details that make two similar questions different.
QUALIFIERS = (
    "(fully remote team)",
    "(small startup)",
    "(big tech)",
    "(fintech)",
    "(healthcare company)",
    "(first job out of university)",
    "(after a reorg)",
    "(before calibration)",
    "(with a new manager)",
    "(agency work)",
    "(government contractor)",
    "(open-source company)",
    "(two years in)",
    "(five years in)",
    "(platform team)",
    "(SRE team)",
    "(data team)",
    "(consultancy)",
    "(game studio)",
    "(e-commerce)",
)
TIMES = (
    "two weeks",
    "a month",
    "three months",
    "six months",
    "a year",
    "two years",
)

package main

// A deterministic generator of synthetic news articles for the scale tests.
//
// The corpus is never stored: synthCorpus.Doc(i) builds document i on demand
// from (seed, i) alone, so a million documents can be streamed without the
// generator ever holding more than one article's text.
//
// Design:
//   - Documents come in small stories: story s = i / perStory, about eight
//     articles per story, each from a different fictional outlet, dated over
//     a few days. Every fact of a story (event kind, country, region, town,
//     people with roles and pronouns, company, institute, casualty figures,
//     quotations, claims) is drawn from an RNG seeded by (seed, s), so all
//     articles of one story agree on them, and every article draws its own
//     choices (which paragraphs, which quote construction, which variant of
//     each figure) from an RNG seeded by (seed, i).
//   - Names of people, places, companies and countries are built from
//     syllable lists, so stories differ in their names; the surrounding
//     vocabulary (templates, verbs, nouns) is shared across stories, as in
//     real news.
//   - An article is a headline, a dateline lead with a counted figure
//     ("At least 41 people were killed …"), then paragraphs drawn from a pool
//     until 150–400 words: quotations with attribution in varied
//     constructions (“…,” Name said. / Name told the Financial Times that
//     “…”. / “…,” she added. / Name said: “…”), an anonymous source, a
//     reported claim ("Reuters reported that …"), follow-up figures and
//     background narration.
//   - Figures agree in most articles of a story and disagree in some (an
//     updated toll, a rounded or qualified figure), so number conflicts
//     exist but do not dominate.
//   - Now and then an article is a near-duplicate of the previous article of
//     its story (a syndicated copy with another byline and a trimmed end).
//
// None of the text is copied from any source; the templates were written for
// this file.

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/hearsaylab/hearsay/article"
)

// synthCorpus is a deterministic synthetic corpus of n articles.
type synthCorpus struct {
	seed     uint64
	n        int
	perStory int
}

func newSynthCorpus(n int) synthCorpus {
	return synthCorpus{seed: 0x4ea25a1, n: n, perStory: 8}
}

// All yields every document in order, one at a time.
func (c synthCorpus) All() iter.Seq2[int, article.Source] {
	return func(yield func(int, article.Source) bool) {
		for i := range c.n {
			if !yield(i, c.Doc(i)) {
				return
			}
		}
	}
}

// Doc builds document i.
func (c synthCorpus) Doc(i int) article.Source {
	s := i / c.perStory
	j := i % c.perStory
	st := c.story(s)
	arng := rand.New(rand.NewPCG(c.seed^0x9e3779b97f4a7c15, uint64(i)))
	// An odd article is sometimes a syndicated copy of the article before it.
	if j%2 == 1 && arng.IntN(6) == 0 {
		return c.nearDuplicate(i, st, arng)
	}
	return c.article(i, st, arng)
}

// nearDuplicate returns a copy of document i-1 under another outlet, with
// its last paragraph dropped and its dateline credit changed.
func (c synthCorpus) nearDuplicate(i int, st *synthStory, rng *rand.Rand) article.Source {
	src := c.Doc(i - 1)
	j := i % c.perStory
	outlet := st.outlets[j]
	paras := strings.Split(src.Text, "\n\n")
	if len(paras) > 4 {
		paras = paras[:len(paras)-1]
	}
	if len(paras) > 1 {
		paras[1] = strings.Replace(paras[1], "("+src.Outlet+")", "("+outlet+")", 1)
	}
	if rng.IntN(2) == 0 {
		paras = append(paras, fmt.Sprintf("This article was first published by %s and is republished with permission.", src.Outlet))
	}
	src.Name = c.name(i)
	src.Outlet = outlet
	src.URL = c.url(i, outlet, src.Date)
	src.Text = strings.Join(paras, "\n\n")
	return src
}

func (c synthCorpus) name(i int) string { return fmt.Sprintf("synth/%07d.txt", i) }

func (c synthCorpus) url(i int, outlet, date string) string {
	slug := strings.ToLower(strings.Join(strings.Fields(outlet), ""))
	return fmt.Sprintf("https://www.%s.example/%s/world/%07d", slug, strings.ReplaceAll(date, "-", "/"), i)
}

// ---- stories ----

type synthPerson struct {
	first, last string
	title       string // "Interior Minister", used before the name
	role        string // "the interior minister", used after the name
	female      bool
	quotes      []string
}

func (p *synthPerson) full() string { return p.first + " " + p.last }

func (p *synthPerson) pronoun() string {
	if p.female {
		return "she"
	}
	return "he"
}

type synthStory struct {
	kind       *synthEvent
	country    string
	adjective  string // Dravonian
	region     string
	town       string
	capital    string
	company    string
	institute  string
	ministry   string // "interior", "transport", …
	people     []*synthPerson
	outlets    []string // one per article
	agencies   []string // outlets cited inside articles
	day        int      // day of year 1..360
	year       int
	weekday    int
	dead       int
	missing    int
	injured    int
	evacuated  int
	homes      int
	cost       int // million dollars
	builtYear  int
	warnYear   int
	spend      int // million dollars
	claims     []string
	anonClaims []string
}

func (c synthCorpus) story(s int) *synthStory {
	rng := rand.New(rand.NewPCG(c.seed, uint64(s)))
	st := &synthStory{kind: &synthEvents[rng.IntN(len(synthEvents))]}
	st.country = placeName(rng, countryEnds)
	st.adjective = demonym(st.country)
	st.region = placeName(rng, regionEnds)
	st.town = placeName(rng, townEnds)
	st.capital = placeName(rng, townEnds)
	st.company = surname(rng) + " " + st.kind.company
	st.institute = "the " + placeName(rng, townEnds) + " " + pick(rng, instituteKinds)
	st.ministry = st.kind.ministry
	st.year = 2019 + rng.IntN(7)
	st.day = 1 + rng.IntN(355)
	st.weekday = rng.IntN(7)
	st.dead = 3 + rng.IntN(rng.IntN(300)+1)
	st.missing = 2 + rng.IntN(st.dead*2+10)
	st.injured = st.dead + 5 + rng.IntN(st.dead*3+20)
	st.evacuated = (1 + rng.IntN(40)) * 500
	st.homes = (2 + rng.IntN(60)) * 50
	st.cost = (1 + rng.IntN(90)) * 10
	st.spend = 5 + rng.IntN(80)
	st.builtYear = 1950 + rng.IntN(60)
	st.warnYear = st.year - 1 - rng.IntN(4)

	roles := []struct{ title, role string }{
		{titleCase(st.ministry) + " Minister", "the " + st.ministry + " minister"},
		{"Governor", "the governor of " + st.region},
		{"", "chief executive of " + st.company},
		{"", "director of research at " + st.institute},
		{"", "a spokesperson for the " + st.region + " emergency service"},
		{"Mayor", "the mayor of " + st.town},
	}
	rng.Shuffle(len(roles), func(a, b int) { roles[a], roles[b] = roles[b], roles[a] })
	np := 3 + rng.IntN(2)
	for k := range np {
		p := &synthPerson{female: rng.IntN(2) == 0, title: roles[k].title, role: roles[k].role}
		p.first = firstName(rng, p.female)
		p.last = surname(rng)
		nq := 2 + rng.IntN(2)
		for range nq {
			p.quotes = append(p.quotes, expand(pick(rng, synthQuotes), st.fields(rng)))
		}
		st.people = append(st.people, p)
	}
	// A resident, quoted by name, without a title.
	res := &synthPerson{female: rng.IntN(2) == 0, role: "a resident of " + st.town}
	res.first, res.last = firstName(rng, res.female), surname(rng)
	res.quotes = []string{expand(pick(rng, residentQuotes), st.fields(rng))}
	st.people = append(st.people, res)

	perm := rng.Perm(len(synthOutlets))
	for k := range c.perStory {
		st.outlets = append(st.outlets, synthOutlets[perm[k%len(perm)]])
	}
	ap := rng.Perm(len(synthAgencies))
	st.agencies = []string{synthAgencies[ap[0]], synthAgencies[ap[1]]}
	for range 2 {
		st.claims = append(st.claims, expand(pick(rng, synthClaims), st.fields(rng)))
	}
	st.anonClaims = append(st.anonClaims, expand(pick(rng, synthAnonClaims), st.fields(rng)))
	return st
}

// fields are the template slots of a story.
func (st *synthStory) fields(rng *rand.Rand) map[string]string {
	return map[string]string{
		"country": st.country, "adj": st.adjective, "region": st.region, "town": st.town,
		"capital": st.capital, "company": st.company, "institute": st.institute,
		"facility": st.kind.facility, "event": st.kind.event, "ministry": st.ministry,
		"dead": fmt.Sprint(st.dead), "missing": fmt.Sprint(st.missing), "injured": fmt.Sprint(st.injured),
		"evacuated": commas(st.evacuated), "homes": commas(st.homes), "cost": fmt.Sprint(st.cost),
		"spend": fmt.Sprint(st.spend), "built": fmt.Sprint(st.builtYear), "warn": fmt.Sprint(st.warnYear),
		"weekday": weekdays[st.weekday], "month": monthOf(st.day), "dom": fmt.Sprint(dayOfMonth(st.day)),
		"hours": fmt.Sprint(2 + rng.IntN(70)), "teams": fmt.Sprint(3 + rng.IntN(30)),
		"cause": st.kind.cause, "victims": st.kind.victims,
	}
}

// ---- articles ----

func (c synthCorpus) article(i int, st *synthStory, rng *rand.Rand) article.Source {
	j := i % c.perStory
	outlet := st.outlets[j]
	f := st.fields(rng)
	day := st.day + j/3
	f["wd"] = weekdays[(st.weekday+1+j/3)%7]
	date := fmt.Sprintf("%04d-%02d-%02d", st.year, monthNum(day), dayOfMonth(day))

	// This article's figures: mostly the story's, sometimes an update, a
	// rounding or a qualifier, so some articles of a story disagree.
	dead := st.dead
	deadText := ""
	switch r := rng.IntN(10); {
	case r < 5:
		deadText = "At least " + fmt.Sprint(dead)
	case r < 7:
		deadText = titleCase(numberWord(dead))
	case r < 8:
		dead += 1 + rng.IntN(dead/3+2)
		deadText = "At least " + fmt.Sprint(dead)
	case r < 9:
		deadText = "About " + fmt.Sprint(roundTo(dead))
	default:
		dead = max(1, dead-1-rng.IntN(dead/4+1))
		deadText = fmt.Sprint(dead)
	}
	f["deadtext"] = deadText
	if rng.IntN(5) == 0 {
		f["injured"] = fmt.Sprint(st.injured + 10 + rng.IntN(st.injured+1))
	}
	if rng.IntN(6) == 0 {
		f["evacuated"] = commas(st.evacuated + 1000*(1+rng.IntN(5)))
	}

	var b strings.Builder
	headline := expand(pick(rng, st.kind.headlines), f)
	b.WriteString(headline)
	b.WriteString("\n\n")
	b.WriteString(strings.ToUpper(st.town) + ", " + st.country + ", " + monthOf(day) + " " + fmt.Sprint(dayOfMonth(day)) + " (" + outlet + ") – ")
	b.WriteString(expand(pick(rng, st.kind.leads), f))
	words := 40
	target := 150 + rng.IntN(251)

	// Paragraph pool: quotations by each person, a pronoun continuation,
	// the anonymous source, reported claims, figures and background.
	var pool []string
	people := rng.Perm(len(st.people))
	for k, pi := range people {
		p := st.people[pi]
		q := p.quotes[rng.IntN(len(p.quotes))]
		pool = append(pool, c.quotePara(rng, st, p, q, outlet, k))
	}
	pool = append(pool,
		expand(pick(rng, synthAnonParas), mergeFields(f, map[string]string{"claim": st.anonClaims[0], "agency": st.agencies[1]})),
		expand(pick(rng, synthReportedParas), mergeFields(f, map[string]string{"agency": st.agencies[0], "claim": st.claims[0]})),
		expand(pick(rng, synthReportedParas), mergeFields(f, map[string]string{"agency": st.agencies[1], "claim": st.claims[1]})),
		expand(pick(rng, synthFigureParas), f),
		expand(pick(rng, synthFigureParas), f),
		expand(pick(rng, synthBackgroundParas), f),
		expand(pick(rng, synthBackgroundParas), f),
		expand(pick(rng, st.kind.background), f),
	)
	rng.Shuffle(len(pool)-1, func(a, b int) { pool[a+1], pool[b+1] = pool[b+1], pool[a+1] })
	for _, p := range pool {
		if words >= target {
			break
		}
		b.WriteString("\n\n")
		b.WriteString(titleCase(p))
		words += len(strings.Fields(p))
	}
	return article.Source{
		Name: c.name(i), Title: headline, Outlet: outlet, Date: date,
		URL: c.url(i, outlet, date), Text: b.String(),
	}
}

// quotePara renders one quotation paragraph in one of several attribution
// constructions, sometimes with a second quotation continued by a pronoun.
func (c synthCorpus) quotePara(rng *rand.Rand, st *synthStory, p *synthPerson, q, outlet string, k int) string {
	name := p.full()
	intro := name
	if p.title != "" {
		intro = p.title + " " + name
	}
	var s string
	switch rng.IntN(7) {
	case 0:
		s = "“" + withComma(q) + "” " + name + " said."
	case 1:
		s = name + ", " + p.role + ", told " + channelName(st.agencies[rng.IntN(2)]) + " that “" + lowerFirst(trimStop(q)) + ".”"
	case 2:
		s = intro + " said: “" + q + "”"
	case 3:
		s = "“" + withComma(q) + "” said " + name + ", " + p.role + "."
	case 4:
		s = intro + " told reporters in " + st.town + " on " + weekdays[st.weekday] + ": “" + q + "”"
	case 5:
		s = "“" + withComma(q) + "” " + intro + " said in a statement."
	default:
		s = name + ", " + p.role + ", said the authorities would publish their findings. “" + q + "”"
	}
	if len(p.quotes) > 1 && rng.IntN(2) == 0 {
		q2 := p.quotes[(k+1)%len(p.quotes)]
		if q2 != q {
			s += " “" + withComma(q2) + "” " + p.pronoun() + " added."
		}
	}
	return s
}

// ---- templates ----

type synthEvent struct {
	event, facility, company, ministry, cause, victims string
	headlines, leads, background                       []string
}

var synthEvents = []synthEvent{
	{
		event: "dam collapse", facility: "dam", company: "Hydro", ministry: "interior", cause: "seepage beneath the spillway", victims: "people",
		headlines: []string{
			"{country} dam collapse kills {dead} as questions grow over inspections",
			"Death toll rises after dam gives way in {country}'s {region} region",
			"Floodwater sweeps through {town} after dam failure",
		},
		leads: []string{
			"{deadtext} people were killed and {missing} are missing after a dam in {country}'s {region} region gave way early on {weekday}, sending a wall of water through the town of {town}, officials said.",
			"{deadtext} people died when a dam above {town} collapsed on {weekday}, flooding several villages in the {region} region and forcing {evacuated} residents from their homes, the authorities said on {wd}.",
		},
		background: []string{
			"The dam, completed in {built}, supplies electricity to much of the {region} region and is operated by {company}.",
			"Engineers had long warned that older dams in {country} needed closer monitoring, but budgets for inspections were cut several times in recent years.",
		},
	},
	{
		event: "earthquake", facility: "school", company: "Construction", ministry: "interior", cause: "poorly built housing", victims: "people",
		headlines: []string{
			"Earthquake in {country} kills {dead}, rescuers search rubble",
			"Strong quake strikes {region}, leaving hundreds homeless",
			"Rescue teams race to reach survivors after {country} earthquake",
		},
		leads: []string{
			"{deadtext} people were killed and {injured} injured when a strong earthquake struck the {region} region of {country} on {weekday}, toppling buildings in the town of {town}, officials said.",
			"{deadtext} people died after an earthquake shook {town} and surrounding villages on {weekday}, and {missing} others were still unaccounted for, the {ministry} ministry said on {wd}.",
		},
		background: []string{
			"The region sits on a fault line that has produced several damaging earthquakes over the past century.",
			"Many of the collapsed buildings were built before {built}, when building codes in {country} were far less strict.",
		},
	},
	{
		event: "factory fire", facility: "factory", company: "Textiles", ministry: "labour", cause: "locked emergency exits", victims: "workers",
		headlines: []string{
			"Fire at {town} factory kills {dead} workers",
			"{country} orders inquiry after deadly factory blaze",
			"Workers trapped as fire engulfs garment factory in {region}",
		},
		leads: []string{
			"{deadtext} workers were killed and {injured} were injured when a fire tore through a garment factory in {town}, in {country}'s {region} region, on {weekday}, the fire service said.",
			"{deadtext} people died in a fire at a factory owned by {company} in {town} on {weekday}, with survivors saying that emergency exits had been locked, officials said on {wd}.",
		},
		background: []string{
			"The factory employed about {evacuated} people, most of them women, and made clothing for export.",
			"Labour groups in {country} have campaigned for years for stricter fire inspections in the garment industry.",
		},
	},
	{
		event: "train derailment", facility: "railway line", company: "Rail", ministry: "transport", cause: "a faulty signal", victims: "passengers",
		headlines: []string{
			"Train derails near {town}, killing {dead}",
			"{country} rail crash: investigators examine signals",
			"Passenger train leaves tracks in {region}, dozens hurt",
		},
		leads: []string{
			"{deadtext} passengers were killed and {injured} were injured when a train operated by {company} derailed near {town} in {country}'s {region} region on {weekday}, the transport ministry said.",
			"{deadtext} people died after a passenger train left the tracks outside {town} on {weekday} evening, overturning several carriages, officials said on {wd}.",
		},
		background: []string{
			"The line, opened in {built}, carries commuters between {town} and the capital, {capital}.",
			"Rail unions have complained for years about ageing signals and a shortage of maintenance staff on regional lines.",
		},
	},
	{
		event: "ferry sinking", facility: "ferry", company: "Ferries", ministry: "transport", cause: "overloading", victims: "passengers",
		headlines: []string{
			"Ferry capsizes off {town}, {dead} dead",
			"{country} searches for missing after ferry sinks in storm",
			"Overloaded ferry sinks near {town}, survivors say",
		},
		leads: []string{
			"{deadtext} passengers drowned and {missing} were missing after a ferry capsized off the coast of {town} in {country}'s {region} region on {weekday}, the coast guard said.",
			"{deadtext} people died when a ferry operated by {company} sank in rough seas near {town} on {weekday}, officials said on {wd}, as rescuers searched for survivors.",
		},
		background: []string{
			"The ferry, built in {built}, was licensed to carry far fewer passengers than survivors say were on board.",
			"Ferries are the main link between the islands of the {region} region and the mainland.",
		},
	},
	{
		event: "mine explosion", facility: "mine", company: "Mining", ministry: "energy", cause: "a build-up of methane", victims: "miners",
		headlines: []string{
			"Blast at {region} coal mine kills {dead} miners",
			"Rescuers try to reach trapped miners in {country}",
			"{country} mine explosion: families wait for news",
		},
		leads: []string{
			"{deadtext} miners were killed and {missing} remain trapped after an explosion at a coal mine near {town} in {country}'s {region} region on {weekday}, the energy ministry said.",
			"{deadtext} workers died in a methane blast at a mine run by {company} outside {town} on {weekday}, officials said on {wd}.",
		},
		background: []string{
			"The mine, which opened in {built}, employs most of the working population of {town}.",
			"Mining accidents are frequent in {country}, where safety rules are often poorly enforced.",
		},
	},
	{
		event: "bridge collapse", facility: "bridge", company: "Infrastructure", ministry: "transport", cause: "corroded steel cables", victims: "people",
		headlines: []string{
			"Bridge collapses in {town}, killing {dead}",
			"{country} bridge collapse prompts nationwide checks",
			"Cars plunge into river as bridge gives way in {region}",
		},
		leads: []string{
			"{deadtext} people were killed when a road bridge collapsed in {town}, in {country}'s {region} region, during the morning rush hour on {weekday}, sending vehicles into the river below, officials said.",
			"{deadtext} people died after a section of a motorway bridge maintained by {company} gave way on {weekday}, the transport ministry said on {wd}.",
		},
		background: []string{
			"The bridge, opened in {built}, carries tens of thousands of vehicles a day across the river.",
			"Engineers have warned that many bridges in {country} built in the same period are nearing the end of their design life.",
		},
	},
}

var synthQuotes = []string{
	"Nothing will be hidden from the people of {region}.",
	"Whoever made mistakes will answer for them.",
	"We are counting the dead street by street.",
	"Our teams have been working without rest for {hours} hours.",
	"Every recommendation was acted upon, and we will show the inspectors every document.",
	"This was not a natural disaster; it was a failure of maintenance.",
	"We warned the authorities about {cause} as early as {warn}.",
	"The priority now is to find the missing and to care for the injured.",
	"We have sent {teams} rescue teams to {town} and more are on their way.",
	"There will be a full and independent investigation into what happened.",
	"The government will cover the cost of rebuilding every damaged home.",
	"We still do not know how many people were inside when it happened.",
	"It is too early to say what caused the {event}.",
	"The families of the victims deserve the truth, and they will get it.",
	"Safety rules exist on paper, but nobody checks whether they are followed.",
	"We are cooperating fully with the investigators.",
	"I have asked for a report on every {facility} of this kind in {country}.",
	"The company spent {spend} million dollars on safety over the past five years.",
}

var residentQuotes = []string{
	"I heard a noise like thunder and then everything was moving.",
	"We lost everything in a few minutes; the house, the car, the animals.",
	"My brother is still missing and nobody can tell us anything.",
	"People here have been afraid of this for years.",
	"We ran with the children and did not look back.",
}

var synthClaims = []string{
	"an inspection report from {warn} had warned of {cause} and recommended urgent repairs",
	"the {ministry} ministry had received complaints about the {facility} months before the {event}",
	"{company} had postponed planned repair work twice to save money",
	"rescuers had recovered {dead} bodies by {wd} evening",
	"the government would set aside {cost} million dollars for reconstruction",
	"emergency services took more than two hours to reach {town}",
}

var synthAnonClaims = []string{
	"the inspectors' warnings had never been passed on to the minister",
	"the death toll was likely to rise significantly as the search continued",
	"investigators were focusing on {cause}",
	"the operator had ignored at least two written warnings",
}

var synthAnonParas = []string{
	"A senior {ministry} ministry official, who spoke on condition of anonymity, said {claim}.",
	"According to a government official who asked not to be named, {claim}.",
	"A person familiar with the investigation said {claim}.",
	"“We knew about the problems at the {facility} in {town} long before this,” said a senior official who was not authorised to speak publicly. The official added that {claim}.",
	"“Nobody in {capital} wanted to pay for the repairs,” a senior {ministry} ministry official told {agency}, speaking on condition of anonymity.",
	"Two sources close to the inquiry said {claim}, but declined to give details.",
}

var synthReportedParas = []string{
	"{agency} reported that {claim}.",
	"According to {agency}, {claim}.",
	"{agency} reported on {wd} that {claim}, citing documents it had seen.",
	"The news agency {agency} said {claim}; the claim could not be independently verified.",
}

var synthFigureParas = []string{
	"About {evacuated} residents have been evacuated, and roughly {homes} homes were damaged or destroyed, according to the {region} emergency service.",
	"Hospitals in {town} were treating {injured} injured people, several of them in a critical condition, health officials said.",
	"The authorities said {missing} people were still missing on {wd} evening.",
	"The government estimated the damage at {cost} million dollars, a figure that independent experts said was far too low.",
	"{company} said it had spent {spend} million dollars on maintenance since {warn}.",
	"More than {teams} rescue teams, including volunteers and soldiers, were searching the area, the {ministry} ministry said.",
}

var synthBackgroundParas = []string{
	"The {event} is the deadliest of its kind in {country} in more than a decade.",
	"Opposition parties called for the resignation of the {ministry} minister and demanded a parliamentary inquiry.",
	"The prime minister cut short a foreign visit and was expected to travel to {town} on {wd}.",
	"Neighbouring countries offered to send rescue teams and equipment.",
	"Funerals for some of the victims were held in {town} on {wd}, attended by hundreds of mourners.",
	"Prosecutors in {capital} said they had opened a criminal investigation and questioned several managers of {company}.",
	"Rain was forecast for the coming days, which rescuers said could slow the search.",
	"Local television showed relatives gathered outside the hospital in {town}, waiting for news.",
}

var instituteKinds = []string{"Institute for Public Works", "Centre for Risk Studies", "Policy Institute", "Engineering Council"}

// Fictional publishing outlets (one per article of a story).
var synthOutlets = []string{
	"Northbay Ledger", "Harbour Courier", "Eastmark Daily", "The Morning Lantern", "Valley Tribune",
	"Coastline Post", "Riverside Herald", "The Evening Beacon", "Ironbridge Gazette", "Westholm Observer",
	"The Capital Sentinel", "Meadowfield News", "Southgate Chronicle", "The Weekly Compass", "Pinecrest Times",
	"Greyhaven Record", "Lakeshore Dispatch", "The Plainsman", "Highland Monitor", "Stonegate Journal",
	"Meridian Press Agency", "Bluewater Bulletin", "The Upland Star", "Fairport Examiner",
}

// Agencies and papers cited inside articles (known to the outlet table).
var synthAgencies = []string{"Reuters", "the Associated Press", "Agence France-Presse", "the Financial Times", "the BBC", "Bloomberg"}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// ---- names ----

var (
	nameStarts   = []string{"Al", "Be", "Ca", "Da", "El", "Fe", "Ga", "Ha", "Il", "Jo", "Ka", "Le", "Ma", "Ni", "Or", "Pe", "Ra", "Sa", "Te", "Va", "Wi", "Za", "Mi", "Lu", "To", "An", "Ro", "Si"}
	femaleEnds   = []string{"na", "ra", "lia", "ssa", "ne", "ka", "rina", "lena", "sa", "ya"}
	maleEnds     = []string{"dor", "rek", "tas", "mir", "ko", "van", "ris", "lan", "mon", "vid"}
	surStarts    = []string{"Bren", "Hol", "Var", "Kes", "Mor", "Dra", "Lin", "Tor", "Vel", "Sko", "Aur", "Pet", "Gral", "Ost", "Fen", "Kal", "Rus", "Sel", "Mar", "Hal", "Dun", "Ves", "Kor", "Bar"}
	surMids      = []string{"", "", "a", "e", "i", "o", "an", "er", "ov"}
	surEnds      = []string{"ga", "ner", "stad", "ovic", "berg", "ski", "man", "ssen", "ari", "enko", "ez", "quist", "dahl", "escu", "ani"}
	placeStarts  = []string{"Kor", "Vel", "Nord", "Ost", "Mar", "Sel", "Bran", "Dur", "Hal", "Lis", "Tam", "Gor", "Riv", "Zel", "Ard", "Bel", "Cor", "Fal", "Hav", "Kel", "Mor", "Pra", "Sor", "Val"}
	placeMids    = []string{"", "a", "e", "i", "o", "en", "an", "ar"}
	townEnds     = []string{"vets", "burg", "holm", "ovo", "ton", "vik", "grad", "heim", "ora", "ica", "stad", "ford"}
	regionEnds   = []string{"vale", "land", "mark", "ria", "ska", "dal", "mont", "shire"}
	countryEnds  = []string{"onia", "avia", "istan", "ania", "eria", "adia", "ovia", "esia"}
	numberWords  = []string{"", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve"}
	monthLengths = []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
)

func firstName(rng *rand.Rand, female bool) string {
	if female {
		return pick(rng, nameStarts) + pick(rng, femaleEnds)
	}
	return pick(rng, nameStarts) + pick(rng, maleEnds)
}

func surname(rng *rand.Rand) string {
	return pick(rng, surStarts) + pick(rng, surMids) + pick(rng, surEnds)
}

func placeName(rng *rand.Rand, ends []string) string {
	return pick(rng, placeStarts) + pick(rng, placeMids) + pick(rng, ends)
}

func demonym(country string) string {
	switch {
	case strings.HasSuffix(country, "istan"):
		return country + "i"
	case strings.HasSuffix(country, "a"):
		return country + "n"
	}
	return country + "ese"
}

// ---- helpers ----

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// expand replaces each {key} of t with f[key].
func expand(t string, f map[string]string) string {
	var b strings.Builder
	b.Grow(len(t) + 64)
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return b.String()
		}
		k := strings.IndexByte(t[i:], '}')
		if k < 0 {
			b.WriteString(t)
			return b.String()
		}
		b.WriteString(t[:i])
		key := t[i+1 : i+k]
		if v, ok := f[key]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(t[i : i+k+1])
		}
		t = t[i+k+1:]
	}
}

func mergeFields(f, extra map[string]string) map[string]string {
	out := make(map[string]string, len(f)+len(extra))
	for k, v := range f {
		out[k] = v
	}
	for k, v := range extra {
		out[k] = expand(v, f)
	}
	return out
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

func lowerFirst(s string) string {
	if s == "" || strings.HasPrefix(s, "I ") {
		return s
	}
	r := []rune(s)
	if len(r) > 1 && unicode.IsUpper(r[1]) {
		return s
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

func trimStop(s string) string { return strings.TrimRight(s, ".") }

// withComma ends a quotation that is followed by its attribution: "… ." → "…,".
func withComma(q string) string {
	if strings.HasSuffix(q, "?") || strings.HasSuffix(q, "!") {
		return q
	}
	return trimStop(q) + ","
}

func channelName(agency string) string { return agency }

func numberWord(n int) string {
	if n < len(numberWords) && n > 0 {
		return strings.ToLower(numberWords[n])
	}
	return fmt.Sprint(n)
}

func roundTo(n int) int {
	switch {
	case n < 20:
		return n
	case n < 100:
		return (n + 5) / 10 * 10
	}
	return (n + 50) / 100 * 100
}

func commas(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func monthNum(day int) int {
	day = (day-1)%365 + 1
	for m, l := range monthLengths {
		if day <= l {
			return m + 1
		}
		day -= l
	}
	return 12
}

func dayOfMonth(day int) int {
	day = (day-1)%365 + 1
	for _, l := range monthLengths {
		if day <= l {
			return day
		}
		day -= l
	}
	return day
}

func monthOf(day int) string { return months[monthNum(day)-1] }

// TestSynthCorpus checks that the generator is deterministic and that its
// articles have the intended length. HEARSAY_SYNTH_SHOW=n prints the first n.
func TestSynthCorpus(t *testing.T) {
	c := newSynthCorpus(400)
	show, _ := strconv.Atoi(os.Getenv("HEARSAY_SYNTH_SHOW"))
	dups := 0
	for i, s := range c.All() {
		if again := c.Doc(i); again != s {
			t.Fatalf("doc %d is not deterministic", i)
		}
		w := len(strings.Fields(s.Text))
		if w < 100 || w > 480 {
			t.Errorf("doc %d: %d words", i, w)
		}
		if strings.Contains(s.Text, "{") {
			t.Errorf("doc %d: unexpanded slot: %s", i, s.Text)
		}
		if strings.Contains(s.Text, "first published by") || (i > 0 && strings.HasPrefix(s.Text, strings.SplitN(c.Doc(i-1).Text, "\n\n", 2)[0]+"\n\n") && i%8 != 0) {
			dups++
		}
		if i < show {
			t.Logf("---- %s | %s | %s | %s | %d words\n%s", s.Name, s.Outlet, s.Date, s.URL, w, s.Text)
		}
	}
	t.Logf("%d of %d documents share their predecessor's headline or are marked copies", dups, c.n)
}

"""How learners write: English question words, chat shorthand, and splitting a message into words.

Only English lives here; everything about a roadmap (names, needs, everyday senses) is in its
knowledge file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from bot.knowledge import stem
from bot.limits import STEM_CACHE
from bot.text import normalize_parts


def wordset(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list."""
    return frozenset(text.split())


STOP = wordset(
    """a an the i im ive id me my mine we our you your youre it its is are was were be been being
    am to of in on at for with and or but do does did doing done how what which who whom why when
    where can could should would will shall may might must pls please plz about tell explain show
    give get got need needs want wanna gonna like just so very really actually thing things stuff
    kind sort one ones know this that these those there here some sum any all also too then than
    them they their theirs he she his her him us if as by from into out up down over under again
    further once only own same other such no nor not dont doesnt didnt cant cannot wont isnt arent
    wasnt havent hasnt have has had having let lets ok okay yeah yes yep hey hi hello guys everyone
    someone anyone something anything much many more most lot lots even still well now right
    tho though though already yet ever every each both few while because since until though maybe
    perhaps probably basically literally honestly anyway anyways btw lol haha idk imo tbh omg
    ur u ya yo bro dude man mate sir ngl lowkey highkey fr rly kinda sorta smth sth bruh srsly
    pretty quite walaal bhai bhaiya yaar habibi akhi khoya hermano hon cher
    ke ki ka ko se mein mujhe mujhko mera meri mere hai hain ho hota hoti hoga tha thi liye
    bhi toh kya kaise kahan kahaan kab kyun kyu kaun koi kuch yeh ye woh wo ek nahi nahin
    karu karun karna karne karo kar sakta sakti sakte chahiye chahta chahti raha rahi rahe wala
    wali wale ab jo bahut accha acha achha theek thik humein aap aapko apna apne tum tumhe
    kaka dada
    que q en del al lo le les su sus este esta esto ese esa eso esse essa isso nos"""
)
#: The words of a closing courtesy that asks nothing itself ("please help me", "thanks in
#: advance", "any help is appreciated"), and those of them that make it one.
COURTESY = wordset(
    "please pls plz help me us thanks thank you in advance thx ty a lot much very appreciated "
    "appreciate it any is would be urgent asap guys everyone sir maam bro"
)
COURTESY_STOPS = wordset("help thanks thank thx ty appreciated appreciate")
#: Chat openers that say nothing yet: "ngl is postgres basically mysql" opens with "is".
CHAT_OPENERS = wordset(
    "ngl tbh imo honestly lol haha idk omg so ok okay yeah yo bro dude man mate hey hi hello "
    "guys lowkey fr srsly bruh btw anyway anyways well but and like wait hmm abeg oga pls "
    "please plz hocam"
)
#: Common English words that say little about what a learner needs: times of day and
#: lengths of time, how often, everyday adjectives ("the night shift", "never properly",
#: "a big day"), and the website where a need happens ("farm shop website got hacked": the
#: hack is the need). A use-case word matched through one counts only GENERAL_WORD_SHARE. Not
#: "new": folded like a plural, "news" would be it.
GENERAL_WORDS = wordset(
    """day days night nights week weeks month months year years time times today tomorrow
    yesterday morning evening hour hours minute minutes never always back during properly
    proper sometimes often usually around away place whole sure able real important different
    good great bad old first last long little big small large high low next early late main
    website websites site sites"""
)
#: Words before the one that opens a sentence ("please explain", "so what is").
LEAD_INS = wordset(
    "please pls plz so ok okay hey hi well now and also wait yo bro hmm um uh btw ngl ey eh up"
)
#: Question words: a sentence starting with one of these asks something.
QUESTION_STARTS = wordset(
    """what whats which who why when where how is are can could should would will do does did
    tell explain any anyone suggest recommend compare give show help"""
)
#: "is only me using it", "is just us two": "it is" with its "it" dropped (as Italian or
#: Spanish do), telling who, not asking.
_ONLY_WHO = (wordset("is"), wordset("only just"), wordset("me us i we him her them"))
#: Question words that, just before a kind, ask for one of that kind ("what db", "suggest a
#: framework"); "how a database works" asks how, not which.
PICKING = QUESTION_STARTS - wordset("how why when where who")
#: "what is", also typed in a hurry ("wat is"), and "whats" in one word.
WHAT_IS = wordset("what wat")
WHATS = wordset("whats wats")
#: Words that ask what something is: a doubtful name next to one is not small talk.
WHAT_WORDS = wordset("what whats wat wats which how why explain mean means meaning")
#: "Difference" in Hindi and Urdu ("farak", "farq"), Turkish ("fark"), Spanish, Portuguese,
#: Italian, German, Indonesian ("perbedaan") and Swahili ("tofauti").
DIFFERENCE_ELSEWHERE = wordset(
    """farak farq fark farki diferencia diferencias diferenca differenza unterschied unterschiede
    perbedaan tofauti"""
)
#: Words asking to compare, in English and those.
COMPARE_CUES = (
    wordset(
        """vs v versus compare comparison compared comparing difference differences diff differ
        differs different between against better same similar alike choose pick decide deciding
        replace replaces replacing replaced replacement instead than interchangeable separates
        distinguishes distinguish apart swap swapping swapped relate relates pros cons pluses
        minuses tradeoffs"""
    )
    | DIFFERENCE_ELSEWHERE
)
#: Between two names of one kind, these prefer one to the other ("graphql over rest").
PREFERRED_TO = wordset("over")
#: Between two names, these set them side by side ("go or java").
SIDE_BY_SIDE = wordset("or vs versus")
#: ...of them, those only ever setting things against each other ("rest vs graphql").
VERSUS = wordset("vs versus")
#: "Or" in other languages, between two names of a kind: Spanish, Italian, Tagalog "o", Dutch
#: "of", Yoruba and pidgin "abi", Polish "czy", Icelandic "eða", Swahili "ama", Darija "wla",
#: Bengali "na", German "oder", Scandinavian "eller", Hungarian "vagy", Malay "atau", Russian
#: "или", Serbian and Croatian "ili", Hindi and Urdu "ya", Swahili "au", Nepali "ki".
OR_ELSEWHERE = wordset(
    "o of abi czy eða ama wla walla na oder eller vagy atau ali mu mi или ili ya au ki"
)
#: Words that weigh one thing against another known one ("flask user here, is django heavier?").
COMPARATIVES = wordset(
    """heavier lighter faster slower easier harder simpler cheaper safer bigger smaller newer
    older stricter nicer cleaner"""
)
#: Between two names, words saying one is the other ("nestjs is just express")...
EQUATING = wordset("is are just basically simply only like really")
#: ...and those saying it is a smaller one ("is flask just a mini django").
SMALLER_ONE = wordset("a an mini small smaller little lite light lighter tiny")
#: Comparison words that ask how alike two things are (not which to choose).
LIKENESS_CUES = wordset(
    """vs versus compare comparison compared comparing difference differences diff differ differs
    different same similar alike interchangeable"""
)
RESOURCE_CUES = wordset(
    """resource resources docs doc documentation tutorial tutorials course courses book books guide
    cheatsheet cheatsheets
    guides link links material materials reference official manual read reading videos video vids
    vid youtube spec specs cheat sheet sheets training lessons lesson yt channel channels playlist
    udemy coursera podcast podcasts dummies ebook textbook recs teach quickstart walkthrough
    walkthroughs primer handbook
    recursos cursos curso tutoriales tutoriais libros livros"""
)
#: Reading asks for material when nothing or one of these follows ("what should i read",
#: "read up on docker"); followed by a thing, it is what a program does ("read a csv file").
READING = wordset("read reading")
READ_FOR = wordset("about up on more into through next first for before to or and")
#: Learning material: shortly before a name that is also an everyday word, it makes the name
#: software ("a course on express", "tutorials for django"; not "read kafka").
MATERIAL = RESOURCE_CUES - wordset("read reading teach")
#: ...of it, those only ever learning material ("docker tutorials"; a "guide" may lead hikers).
LEARNING_MATERIAL = wordset(
    """tutorial tutorials course courses video videos vids vid youtube yt udemy coursera
    playlist docs documentation cheatsheet cheatsheets quickstart walkthrough walkthroughs
    ebook textbook explanation explanations explainer
    cursos curso tutoriales tutoriais"""
)
#: With a learning word, these ask for learning material ("where/how to learn go").
LEARN_WAYS = wordset("where how place scratch site sites free stuff something watch path")
#: Other ways of saying "learn": with "where" or "how" they ask for material ("how do i get
#: into docker", "best place to pick up django").
LEARNING_PHRASES = tuple(
    tuple(phrase.split())
    for phrase in (
        "get better at",
        "getting better at",
        "get good at",
        "getting good at",
        "get into",
        "getting into",
        "pick up",
        "picking up",
        "brush up on",
        "brushing up on",
        "get started",
        "getting started",
        "get up to speed",
        "getting up to speed",
    )
)
#: The same phrases by their first word, to find them in a message in one pass.
LEARNING_PHRASES_BY_START: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(p for p in LEARNING_PHRASES if p[0] == first)
    for first in dict.fromkeys(p[0] for p in LEARNING_PHRASES)
}
#: "start with docker", "get started on go", "start learning sql": where to begin with a name.
STARTING = wordset("start started starting begin beginning")
START_LINKS = wordset("with on learning into")
#: Words that ask for things to build; "build", "make" and "create" alone describe a need.
#: Words that ask for projects to build; an "idea" or "build" next to a kind of thing asked
#: for ("an app idea: which database?") is a need, not a request for projects.
PROJECT_NOUNS = wordset(
    "project projects proj projs portfolio exercise exercises proyectos proyecto projetos projeto"
)
IDEA_WORDS = wordset("idea ideas")
#: After "practice", these are things to build or solve ("practice tasks for express").
PRACTICE = wordset("practice practise")
PRACTICE_THINGS = wordset("task tasks problem problems challenge challenges drill drills app apps")
PROJECT_CUES = PROJECT_NOUNS | IDEA_WORDS
#: Words asking for material or projects.
REQUESTED = RESOURCE_CUES | PROJECT_CUES
#: Before "idea", these make it something other than project ideas: an opinion ("is that a
#: good idea"), the thinking behind something ("the idea behind ci/cd", "kind of that idea")
#: or none ("no idea").
IDEA_SENSES = wordset(
    "good bad great smart wise terrible dumb better best the no main basic that this same"
)
#: With "where" or "how", these ask for learning material ("how do i learn go").
LEARN_WORDS = wordset(
    "learn lern lernen learning study practice practise seekhna seekhne sikhna sikhne seekhun"
    " sikhun aprender apprendre belajar practicar praticar"
)
BUILD_WORDS = wordset("build building make making create creating code")
#: After a build word, these make an idiom, not building ("does it make sense").
BUILD_IDIOMS = wordset("sense sure")
#: After "what make", these make it what causes something ("what make an api REST").
MADE_WHAT = wordset("a an the my our your it this that them")
#: After a pointer, these point at a situation, not at a name ("stop this kind of thing").
KIND_OF = wordset("kind sort type kinds sorts types")
USE_CASE_CUES = wordset(
    """best good better suited suitable ideal recommend recommended recommendation should which
    pick choose choice fit fits use approach"""
)
OVERVIEW_CUES = wordset(
    """roadmap start begin beginning beginner beginners noob noobs newbie newbies first next path
    overview steps step skills become career new where learn learning order"""
)
#: Words that ask for the roadmap as a whole, even next to a need ("show me the roadmap").
STRONG_OVERVIEW = wordset("roadmap overview path step steps order begin")
#: Words asking for the path itself, not merely where to begin ("where do i even begin" may
#: ask where to begin with a need).
THE_PATH = STRONG_OVERVIEW - STARTING
#: Overview words that say nothing about learning without software talk ("a new account").
INCIDENTAL_OVERVIEW = wordset("new first")
#: The roadmap itself named: a step named with it is the step ("languages in the roadmap").
ROADMAP_WORDS = frozenset({"roadmap"})
#: With "roadmap", these ask whether something is in it ("is symfony part of this roadmap").
IN_THE_ROADMAP = wordset(
    "part cover covers covered include includes included contain contains inside teach teaches"
)
#: ...and these right before it ("is typescript on this roadmap", "is that in the roadmap").
ROADMAP_PLACES = wordset("in on")


def roadmap_placed(words: Sequence[Word]) -> set[int]:
    """The segments saying something is in the roadmap ("is that in this roadmap")."""
    texts = [w.text for w in words]
    return {
        word.segment
        for at, word in enumerate(words)
        if word.text in ROADMAP_PLACES and not ROADMAP_WORDS.isdisjoint(texts[at + 1 : at + 3])
    }


def here_placed(words: Sequence[Word]) -> set[int]:
    """The segments saying something is here, in this roadmap ("is kafka on here or nah")."""
    return {a.segment for a, b in pairwise(words) if a.text in ROADMAP_PLACES and b.text == "here"}


#: Words for a part of a roadmap: next to a step's name, the name is that step ("the
#: databases part", "the auth section"), not a kind of thing or an everyday word.
STEP_WORDS = wordset("section sections part parts chapter chapters stage stages area areas")
#: After a step's name only ("the monitoring bit", "the auth stuff"; "a bit of sql" is a
#: quantity, "the steps" the roadmap).
STEP_TAILS = STEP_WORDS | wordset("bit bits step stuff topics")
#: Words that ask for one kind of answer (material, projects, the path): in the sentence that
#: asks, they outrank the words of the sentences around it.
REQUEST_CUES = RESOURCE_CUES | PROJECT_CUES | LEARN_WORDS | BUILD_WORDS | STRONG_OVERVIEW
#: After one of these, a name that is also an everyday word is used as that word ("i go").
VERB_CONTEXT = wordset("i to you we they it should can will let lets must wanna gonna the")
#: Before one of these, a name that is also an everyday word is used as that word ("go out")...
VERB_AFTER = wordset("out there outside inside")
#: ...and before one of these even among software words ("go deeper into mongodb", "go back to
#: basics with sql", "go through the docs", "the rest of the app").
VERB_PHRASE_AFTER = wordset(
    """deeper further beyond back ahead away home through of wrong up down off live viral full
    fulltime freelance remote abroad solo indie above below"""
)
#: ...but not after a verb whose particle follows its object: the name is the object ("set
#: sentry up on express", "spin kafka up", "shut redis down").
PARTICLE_VERBS = wordset("set hook spin fire wire boot back link power shut tear turn switch bring")
PARTICLES = wordset("up down off")
#: English idioms with a word that may also be a name ("give it a go", "good to go"): there
#: it is the word, unless a name or a software word follows the idiom ("in one go file").
IDIOMS = tuple(
    tuple(line.split())
    for line in """give it a go
    gave it a go
    giving it a go
    have a go at
    having a go at
    a go at
    go look
    go looking
    go and look
    go to sleep
    goes to sleep
    to go to the
    had a go at
    in one go
    on the go
    good to go
    ready to go
    let it go
    here we go
    there you go
    way to go
    whats the go with
    wats the go with
    what is the go with
    go well with
    go great with
    go nicely with
    go best with
    go together
    go cold
    goes cold
    gone cold
    go wrong
    that go with
    which go with
    logging in with
    logging in using
    logging in via
    logging in as
    logging in to
    logging in users
    logging in people
    logging into
    logging out
    logging users in
    logging people in
    logging them in
    logging someone in
    logging customers in
    logs in with
    logs in using
    logs in via
    logs into
    logs out""".splitlines()
)
#: Words asking for an introduction to something.
INTRODUCING = wordset("intro introduction basics fundamentals explained")
#: A name followed by one of these is the learner's background ("a java dev", "mongo user").
BACKGROUND_AFTER = wordset(
    """dev devs developer developers guy girl user users background experience programmer
    programmers engineer engineers person people shop team done finished coder coders
    certified dude fan nerd veteran dba dbas sysadmin sysadmins freelancer
    freelancers consultant consultants analyst analysts tester testers designer designers
    modder modders hobbyist hobbyists intern interns graduate folks guys wizard wizards expert
    experts guru gurus ninja ninjas"""
)
#: A name shortly after one of these is the learner's background ("i learned flask").
BACKGROUND_BEFORE = wordset(
    """know knew learned learnt studied used using worked working familiar coming came
    switched switching moved moving experienced been done did finished completed took built"""
)
#: A part of a message holding one of these tells what the learner has done ("i finished a
#: python course", "did a flask tutorial"): its words ask for nothing.
DONE_WORDS = wordset(
    """did done doing finished finishing completed took learned learnt studied watched built
    followed wrote written coded"""
)
#: ...and these after a word of having done (HAVING_DONE: "i've read about backend", "had
#: read the docs", "i have been reading about how to build", "i was reading about mongodb"),
#: where they are spelt the same as asking.
DONE_AFTER_HAVING = wordset("read reading")
HAVING_DONE = wordset("ive have had weve theyve already been was were")
#: Words that end a clause inside a sentence ("i finished a course and want to build").
CLAUSE_ENDS = wordset("and but so then now")
#: Words that only ask how a technology stands: with nothing else, a name that is also an
#: everyday word is the technology ("is ruby dead", "docker worth learning or hype").
ASKING_ABOUT = wordset(
    """deal worth dead dying hype hyped overrated underrated popular relevant future nah outdated
    obsolete anymore used maintained alive matter matters important essential hard harder
    difficult tough easy easier old strengths strength weaknesses benefits advantages
    disadvantages pros cons drawbacks downsides good bad die died"""
)
#: ...among this many words right after a name ("is java still worth it").
STANDING_WINDOW = 3
#: ...but "good" before "for" and one of these weighs a need ("is mongo good for a banking app").
NEED_FOR_OWNERS = wordset("a an my our the their his her this")


def asks_how_it_stands(words: Sequence[Word], at: int) -> bool:
    """Whether the word at ``at`` asks how a name stands ("worth it", "dead", "any good").

    Not "good for a banking app": that weighs the name against a need.
    """
    text = words[at].text
    after = [w.text for w in words[at + 1 : at + 3]]
    return text in ASKING_ABOUT and not (
        text == "good" and len(after) == 2 and after[0] == "for" and after[1] in NEED_FOR_OWNERS
    )


#: Words that open a new part of a sentence, as a comma does.
CLAUSE_STARTS = wordset("but")
#: Software things a word before may say the kind of ("game server", "party app"): that word
#: is then no sign of an everyday sense.
SOFTWARE_THINGS = wordset(
    """server servers backend backends api apis app apps application applications webapp
    website websites site sites database databases db dev devs developer developers engine
    engines bot bots"""
)
#: Words that only lead into an example in the knowledge file's texts ("extensible, for
#: example with PostGIS"): no use case of their own.
EXAMPLE_WORDS = wordset("example examples")
#: Words that point back at something already mentioned.
POINTERS = wordset("it this that its")
PLURAL_POINTERS = wordset("they them both these those two each")
#: Pointers that point at a thing named ("which parts of it"), where "that" may point at a
#: situation ("how do i stop that").
NAME_POINTERS = wordset("it its")
#: Chat shorthand, expanded before anything else ("4" is "for" in "db 4 a shop").
SHORTHAND = {
    "4": "for",
    "2": "to",
    "u": "you",
    "r": "are",
    "n": "and",
    "w": "with",
    "wat": "what",
    "wht": "what",
    "wut": "what",
    "wtf": "what",
    "wth": "what",
    "whats": "what is",
    "hows": "how is",
    "abt": "about",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "txt": "text",
    "b4": "before",
    "tho": "though",
    "ppl": "people",
    "wich": "which",
    "shud": "should",
    "shld": "should",
    "diff": "difference",
    "btwn": "between",
    "1": "one",
    "tel": "tell",
    "wats": "what is",
    "ur": "your",
    "rn": "right now",
    "bcuz": "because",
    "wanna": "want to",
    "gud": "good",
    "somethin": "something",
    "wetin": "what",  # pidgin ("wetin be di first ting i go learn")
    "di": "the",
    "dat": "that",  # pidgin, Caribbean, Cajun ("is dat part of what y'all teach")
    "dis": "this",  # ("who make dis bot sef?")
    "fi": "for",  # Jamaican ("kafka fi tram data")
    "fuh": "for",  # Guyanese, Bajan ("kafka fuh pepper orders")
    "pon": "on",  # Jamaican, Guyanese ("wuk pon me laptop, break pon de server")
    "wuk": "work",
    "de": "the",  # Caribbean ("de depot website does dead every black friday")
    "dey": "they",
    "dem": "them",
    "wuh": "what",  # Trinidadian, Bajan ("wuh is dis kubernetes ting")
    "mek": "make",  # Jamaican ("who mek yuh?")
    "yuh": "you",
    "ting": "thing",
    "tings": "things",
    "notin": "nothing",  # pidgin, Caribbean ("i nor sabi notin about code")
    "sabi": "know",
    "nutin": "nothing",
    "nuttin": "nothing",
    "whit": "what",  # Scots
    "whits": "what is",
    "whas": "what is",  # "wha's" ("wha's this whole backend roadmap about then")
    "wot": "what",  # British
    "wha": "what",  # Caribbean, Scots ("wha rust good for?")
    "wanem": "what",  # Tok Pisin ("kafka em i wanem?")
    "gudfala": "good",  # Solomon Islands Pijin ("wanem nao gudfala fo mi")
    "gutpela": "good",  # Tok Pisin
    "tufala": "the two",  # Pijin ("express an nestjs, tufala sem samting?")
    "sem": "same",
    "ding": "thing",  # Afrikaans, Dutch ("the same ding?")
    "v": "vs",  # British ("sqlite v postgres")
    "mismo": "same",  # Spanish ("docker y ci/cd es lo mismo?")
    "misma": "same",
    "samting": "something",
    "lanem": "learn",  # Pijin ("mi save lanem tu?")
    "lainim": "learn",  # Tok Pisin
    "bifo": "before",
    "bipo": "before",
    "selari": "salary",
    "sweldo": "salary",  # Tagalog, Cebuano ("sweldo backend developer cebu")
    "suweldo": "salary",
    "hackea": "hacked",  # Spanish, Chavacano ("our website ya hackea ayer")
    "hackeado": "hacked",
    "hackearon": "hacked",
    "resurs": "resources",  # Slovenian, Swedish, Romanian ("mongodb beginner resurs")
    "resursi": "resources",
    "wots": "what is",
    "ou": "or",  # Portuguese and French, mixed into English ("rest ou graphql")
    "hay": "or",  # Vietnamese ("monolith hay microservices")
    "sama": "and",  # Indonesian and Malay ("express sama nestjs bedanya apa")
    "aur": "and",  # Hindi and Urdu ("jwt aur oauth same cheez hai?")
    "dono": "both",  # ("dono node ke hi hain kya farq hai")
    "donon": "both",
    "seedha": "straight",
    "sidha": "straight",
    "cheez": "thing",
    "chiz": "thing",
    "bedanya": "difference",
    "diferans": "difference",  # Mauritian and Haitian Creole
    "tofauti": "difference",  # Swahili
    "gani": "which",  # Swahili ("laravel na symfony gani poa")
    "moja": "same",  # Swahili "kitu moja", one thing ("docker na ci/cd ni kitu moja?")
    "kimoja": "same",
    "orale": "okay",  # Mexican Spanish, Chicano English (not Oracle misspelt)
    "fer": "for",  # Black Country, Appalachian ("docker fer a yam yam, wheer do i start")
    "wheer": "where",
    "owt": "anything",  # northern English ("is there owt in here aboot monitorin")
    "aboot": "about",
    "oot": "out",  # Scots, Geordie ("how do ye sort oot a wordpress plugin conflict")
    "yall": "you all",  # Southern US ("who made yall bot")
    "yinz": "you all",  # Pittsburgh
    **{  # Spanish and Portuguese, as learners mix them into their questions or write in them
        # ("cual base de datos sirve pa mi tienda", "qual banco de dados é melhor pra isso")
        word: english
        for english, words in {
            "which": "cual cuales qual quais",
            "how": "como",
            "where": "donde onde",
            "when": "cuando quando",
            "why": "porque",
            "because": "pq",
            "for": "para pra pa",
            "with": "con",
            "and": "y",
            "without": "sin",
            "but": "pero",
            "also": "tambien tambem",
            "very": "muy muito",
            "the": "el los las",
            "a": "un una",
            "one": "uno",
            "is": "es",
            "be": "ser",
            "my": "mis meu minha meus minhas",
            "i": "eu",
            "have": "tengo tenho",
            "want": "quiero quero queria",
            "need": "necesito preciso",
            "learn": "aprender aprendo",
            "study": "estudiar estudar estudio estudo",
            "start": "empiezo empezar comenzar comecar comeco",
            "make": "hacer fazer",
            "create": "crear criar",
            "use": "uso usar",
            "works": "funciona",
            "best": "mejor melhor",
            "difference": "diferencia diferencias diferenca diferencas",
            "between": "entre",
            "same": "igual iguales",
            "kind": "tipo",
            "kinds": "tipos",
            "language": "lenguaje linguagem",
            "languages": "lenguajes linguagens",
            "data": "datos dados",
            "server": "servidor",
            "servers": "servidores",
            "cloud": "nube nuvem",
            "security": "seguridad seguranca",
            "authentication": "autenticacion autenticacao",
            "password": "contrasena senha",
            "passwords": "contrasenas senhas",
            "monitoring": "monitoreo monitoramento",
            "performance": "rendimiento desempenho",
            "deployment": "despliegue",
            "deploy": "desplegar",
            "app": "aplicacion aplicativo aplicacao",
            "apps": "aplicaciones aplicativos aplicacoes",
            "page": "pagina",
            "pages": "paginas",
            "system": "sistema",
            "file": "archivo arquivo",
            "files": "archivos arquivos",
            "users": "usuarios",
            "customers": "clientes",
            "payments": "pagos pagamentos",
            "orders": "pedidos",
            "sales": "ventas vendas",
            "shop": "tienda loja",
            "company": "empresa",
            "phone": "celular",
            "phones": "celulares",
            "photo": "foto",
            "photos": "fotos",
            "predict": "predecir",
            "sync": "sincronizar sincroniza sincronice sincronizem",
            "suits": "sirve",
            "containers": "contenedores conteineres",
            "any": "algun alguna algum alguma",
            "good": "bueno buena bom boa",
            "free": "gratis",
            "small": "chica chico pequeno pequena",
            "big": "grande grandes",
            "companies": "empresas",
            "host": "hospedar",
            "hosting": "hospedagem hospedaje",
            "code": "codigo",
            "connect": "conectar conectarse",
            "test": "probar pruebe testar",
            "tests": "pruebas testes",
            "publish": "publicar publique",
            "upload": "subir",
            "understand": "entender",
            "messages": "mensajes mensagens",
            "service": "servicio servico",
            "services": "servicios servicos",
            "independent": "independientes independentes",
            "versions": "versiones versoes",
            "libraries": "librerias bibliotecas",
            "concurrency": "concurrencia concorrencia",
            "location": "ubicacion localizacao",
            "recommend": "recomiendan recomienda recomiendas recomendam recomenda recomendas",
            "protect": "proteger",
            "hack": "hackear",
            "injection": "inyeccion injecao",
            "slow": "lento lenta lentisima lentisimo",
            "breaks": "rompe quebra",
            "automatically": "automaticamente",
            "automatic": "automatico automatica",
            "alert": "alerta avisar aviso",
            "charge": "cobrar",
            "systems": "sistemas",
            "other": "otro otra otros otras outro outra outros outras",
            "robust": "robusto robusta",
            "screen": "pantalla tela",
            "fields": "campos",
            "call": "llamada chamada",
            "exactly": "exactamente exatamente",
            "columns": "columnas colunas",
            "fixed": "fijas fijos fixas fixos",
            "record": "registro",
            "different": "diferente diferentes",
            "inside": "dentro",
            "scale": "escalar escale",
            "computer": "compu computadora",
            "fast": "rapido",
            "easy": "facil",
            "hard": "dificil",
            "something": "algo",
            "section": "seccion secao",
            "part": "parte",
            "path": "camino",
            "first": "primero primeiro",
            "next": "siguiente proximo",
            "after": "despues depois",
            "now": "ahora agora",
            "book": "libro livro",
            "please": "porfa",
        }.items()
        for word in words.split()
    },
}

ARTICLES = wordset("a an the")
#: Words that introduce a thing asked for ("we need a framework"), or someone's trade ("was a
#: docker").
INDEFINITE_ARTICLES = wordset("a an")
#: Phrases read as one word ("hands-on exercises" are practice exercises, a "reading list"
#: is resources).
PHRASES = {
    "hands on": "practice",
    "big picture": "overview",
    "top to bottom": "overview",  # "what's the whole thing look like from top to bottom"
    "reading list": "resources",
    "crash course": "course",
    "quick start": "quickstart",
    "started guide": "quickstart",  # "a getting started guide"
    "stack up": "compare",
    "what now": "what next",
    "now what": "what next",
    "now what is": "what is",  # "... for 15 years, now what is sqlite?": what it is, not next
    "now what are": "what are",
    "now whats": "whats",
    "road map": "roadmap",
    # asking to have something explained, not a need to break or follow anything
    "break it down": "explain",
    "break that down": "explain",
    "break this down": "explain",
    "break dat down": "explain",  # "ci/cd.. can somebody break dat down real simple fer me"
    "break dis down": "explain",
    "break down": "explain",  # "can you break down rest for a guy like me"
    "good and bad points": "pros",  # "microservices good and bad points"
    "good and bad sides": "pros",
    "not following": "confused",
    "back end": "backend",
    # where jobs are posted, not a site to learn on
    "job site": "jobs",
    "job sites": "jobs",
    # a learner's move into the field, not a question about careers
    "career change": "switching",
    "career changer": "switching",
    "career switch": "switching",
    "changing careers": "switching",
    "switching careers": "switching",
    # Spanish and Portuguese (their single words are in SHORTHAND)
    "base de datos": "database",
    "bases de datos": "databases",
    "banco de dados": "database",
    "bancos de dados": "databases",
    "base de dados": "database",
    "tiempo real": "realtime",
    "tempo real": "realtime",
    "por favor": "please",
    "bom dia": "morning",  # a greeting, not "good bot" in "bom dia bot"
    "boa tarde": "afternoon",
    "boa noite": "evening",
    "que es": "what is",
    "o que e": "what is",
}
_PHRASES = re.compile(r"\b(" + "|".join(sorted(PHRASES, key=len, reverse=True)) + r")\b")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n+")
_APOSTROPHES = re.compile(r"['’`]")
#: Northern English "t'" for "the" ("on t'roadmap"): a word of its own, not part of the next.
_NORTHERN_THE = re.compile(r"\bt['’`](?=\w)", re.IGNORECASE)
#: Cornish and West Country "'ee" for "you" ("which one would 'ee go for"), apostrophe and all:
#: "ee" alone is Jakarta EE's.
_WEST_COUNTRY_YOU = re.compile(r"(?<!\w)['’`]ee\b", re.IGNORECASE)
#: A later sentence that likens with its "it" left out ("what is supabase? is like
#: firebase?"): the "it" put back, pointing at what was told before.
_DROPPED_IT = re.compile(r"^(is|are)\s+(?=(?:like|same|similar|different)\b)", re.IGNORECASE)
#: A possessive of a word of one or two letters: "go's concurrency" is Go's, not a word "gos"
#: (longer words fold their "s" as a plural's); "it's" and "he's" are contractions.
_SHORT_POSSESSIVE = re.compile(r"\b(?!(?:it|he)['’`])(\w{1,2})['’`]s\b", re.IGNORECASE)
#: A dash between words parts a sentence as a comma does ("node crashes — what is express").
_BRACKETS = re.compile(r"(?<=\w)\s+[(\[]\s*|\s*[)\]]\s+(?=\w)")
_DASHES = re.compile(r"\s+(?:[—–]|--?)\s+")
_REPEATS = re.compile(r"(\w)\1{2,}")
#: One-letter words that are words, not letters of a name spelt out ("a", "i").
LETTER_WORDS = frozenset({"a", "i"})
#: Common English words, one a line (written by scripts/english_words.py): a word this common
#: is what it says, never a misspelt name ("the studio" is no "LM Studio").
ENGLISH_WORDS = Path(__file__).with_name("english_words.txt")
#: Words this long ending in "in" may have dropped their g ("goin", "crashin").
DROPPED_G_MIN = 4
#: The shorthand as the words it stands for.
_SHORTHAND_WORDS = {short: tuple(words.split()) for short, words in SHORTHAND.items()}
#: A word made without NamedTuple's Python-level constructor (a hundred per long message).
_new_word = tuple.__new__


@cache
def common_english() -> frozenset[str]:
    """The common English words of :data:`ENGLISH_WORDS`, read once."""
    return frozenset(ENGLISH_WORDS.read_text(encoding="utf-8").split())


#: Endings that make another form of a word ("texting", "texted", "texts").
WORD_FORM_ENDINGS = ("ing", "ed", "es", "s")


def is_common_english(word: str) -> bool:
    """Whether a word is common English, or another form of a common word ("texting")."""
    words = common_english()
    return word in words or any(
        word.endswith(end) and (word[: -len(end)] in words or word[: -len(end)] + "e" in words)
        for end in WORD_FORM_ENDINGS
        if len(word) - len(end) >= 3
    )


def _spelt_out(raw: str) -> tuple[str, ...]:
    """The words a word typed stands for: shorthand spelt out, a dropped g put back.

    "crashin" is "crashing", "goin" is "going"; not a word that is one ("thin", "basin") nor
    a name ("kotlin").
    """
    if raw in _SHORTHAND_WORDS:
        return _SHORTHAND_WORDS[raw]
    english = common_english()
    if (
        len(raw) >= DROPPED_G_MIN
        and raw.endswith("in")
        and raw + "g" in english
        and raw not in english
    ):
        return (raw + "g",)
    return (raw,)


@lru_cache(maxsize=STEM_CACHE)
def _forms(raw: str) -> tuple[tuple[str, str], ...]:
    """The words a word typed stands for (:func:`_spelt_out`), each with its stem."""
    return tuple((word, stem(word)) for word in _spelt_out(raw))


#: Words beside which a one-letter word is a name compared, not shorthand ("r vs python");
#: not "or" ("u or me").
COMPARED_BESIDE = SIDE_BY_SIDE - {"or"}
#: Before these a one-letter word is a language's name ("r language", "r studio"), not
#: shorthand.
LETTER_NAMED_BY = frozenset({"language", "lang", "studio"})
#: A one-letter shorthand written as a capital standing alone: in a sentence not written in
#: capitals, a name ("is R any good"), not shorthand ("u r").
_CAPITAL_SHORTHAND = re.compile(
    r"(?<![\w'’])(["
    + "".join(sorted(short.upper() for short in SHORTHAND if len(short) == 1 and short.isalpha()))
    + r"])(?![\w'’])"
)


def _capital_letters(sentence: str) -> frozenset[str]:
    """The one-letter shorthands written as capitals in a sentence that is not in capitals.

    Not its first word, which any sentence may start with a capital ("R u a bot?").
    """
    after_first = sentence.lstrip().partition(" ")[2]
    return _in_capitals(_CAPITAL_SHORTHAND.findall(after_first), sentence)


#: A word of two or more capital letters.
_CAPITALS = re.compile(r"(?<![\w'’])([A-Z]{2,})(?![\w'’])")


def _capital_words(sentence: str) -> frozenset[str]:
    """The words typed in capitals in a sentence that is not in capitals ("is REST old?").

    A word so typed is an acronym, not the everyday word it spells ("rest").
    """
    return _in_capitals(_CAPITALS.findall(sentence), sentence)


def _in_capitals(found: list[str], sentence: str) -> frozenset[str]:
    """The words ``found`` typed in capitals, lowered, unless the sentence is in capitals."""
    if not found:  # most sentences: one search, nothing counted
        return frozenset()
    letters = [c for c in sentence if c.isalpha()]
    if sum(c.isupper() for c in letters) * 2 > len(letters):
        return frozenset()  # "WHY R U LIKE THIS": capitals are how it is typed
    return frozenset(word.lower() for word in found)


def _telling_who(raws: list[str], at: int) -> bool:
    """Whether the words from ``at`` tell who does something ("is only me using it")."""
    said = raws[at : at + len(_ONLY_WHO)]
    return len(said) == len(_ONLY_WHO) and all(
        w in ws for w, ws in zip(said, _ONLY_WHO, strict=True)
    )


def _spelt_letter(raws: list[str], at: int) -> bool:
    """Whether a one-letter word is a letter of a name spelt out ("a w s", "j w t").

    So it is when a letter that is no shorthand stands beside it ("u r" is still "you are"),
    a word of comparing ("r vs python"), or a word naming a language after it ("r language").
    """
    if len(raws[at]) != 1:
        return False
    if at + 1 < len(raws) and raws[at + 1] in LETTER_NAMED_BY:
        return True  # "R language is inside this roadmap?"
    beside = [raws[near] for near in (at - 1, at + 1) if 0 <= near < len(raws)]
    return any(
        word in COMPARED_BESIDE
        or (
            len(word) == 1
            and word.isalpha()
            and word not in _SHORTHAND_WORDS
            and word not in LETTER_WORDS
        )
        for word in beside
    )


def _phrase_word(hit: re.Match[str]) -> str:
    """The word a phrase found is read as."""
    return PHRASES[hit.group(1)]


class Word(NamedTuple):
    """One word of a message and where it stands.

    A named tuple: a long message has a hundred of them, made, hashed and compared in C.
    """

    text: str
    #: The plural-folded form used for matching vocabulary.
    stem: str
    sentence: int
    #: Comma-separated part of the message (counted across sentences).
    segment: int


@dataclass(frozen=True, slots=True)
class Message:
    """A message split into words, with which sentences are questions."""

    words: tuple[Word, ...]
    questions: frozenset[int]
    sentences: int
    #: Where words were typed in capitals in a sentence that is not ("what does REST mean").
    capitals: frozenset[int] = frozenset()
    #: The words alone: made once, as a message is read for them a dozen times.
    texts: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "texts", tuple([word.text for word in self.words]))


#: How a question asking what a thing is opens ("what is", "wat even is", "whats").
_DEFINING_OPENERS = tuple(
    (what, *rest) for what in sorted(WHAT_IS) for rest in (("is",), ("even", "is"))
)
#: Words that may stand before a learner's guess of what the thing is ("like is it a ...").
_GUESS_LEAD = wordset("like so or basically is it its this that")
#: How a guess of what a thing is opens ("a go thing?", "an orm?") or ends ("cloud thing?").
_GUESS_OPENERS = wordset("a an some kind sort")
_GUESS_ENDS = wordset("thing things stuff")
_CHOOSING = wordset("best good better worse worst faster easier more less")
#: Words that make "what is ..." a choice or a comparison, not a question of what a thing is.
_NOT_DEFINING = COMPARE_CUES | COMPARATIVES | _CHOOSING
#: The longest guess: a longer part says more than what the learner thinks the thing is.
_GUESS_WORDS = 8


def _asks_what_a_thing_is(words: Sequence[Word]) -> bool:
    """Whether words open with "what is X" (or "whats X", "wat even is X") naming something.

    Not "what is better" or "whats best": what follows then is a choice, not a guess.
    """
    texts = [word.text for word in words]
    if "is" not in texts and not (texts and texts[0] in WHATS):  # every opening has one
        return False
    if not _NOT_DEFINING.isdisjoint(texts):
        return False
    if texts[:1] and texts[0] in WHATS:
        return len(texts) > 1
    told_first = ("is", "what") in pairwise(texts) and texts[0] not in QUESTION_STARTS
    return (
        told_first
        or any(  # "express is what exactly"
            tuple(texts[: len(opener)]) == opener and len(texts) > len(opener)
            for opener in _DEFINING_OPENERS
        )
    )


def _is_guess(words: Sequence[Word]) -> bool:
    """Whether words are a learner's guess of what a thing is ("like a server?", "a go thing?").

    "like for a chat app" is a need, not a guess; a guess asks nothing of its own ("or what"
    at its end is only a tag).
    """
    texts = [word.text for word in words]
    if texts[-2:] == ["or", "what"]:
        texts = texts[:-2]
    start = 0
    while start < len(texts) and texts[start] in _GUESS_LEAD:
        start += 1
    rest = texts[start:]
    return (
        0 < len(rest) <= _GUESS_WORDS
        and (rest[0] in _GUESS_OPENERS or rest[-1] in _GUESS_ENDS)
        and not set(rest) & QUESTION_STARTS
    )


def without_guesses(message: Message) -> Message:
    """The message without the learner's guesses of what the thing they ask about is.

    In "what is gin, a go thing?" or "wat even is azure? microsoft cloud thing?" the question
    is what gin or azure is; the guess names no subject and no need.
    """
    parts: dict[tuple[int, int], list[Word]] = {}
    for word in message.words:
        parts.setdefault((word.sentence, word.segment), []).append(word)
    keys = list(parts)
    dropped: set[tuple[int, int]] = set()
    for before, after in pairwise(keys):
        same_or_next = after[0] in (before[0], before[0] + 1)
        if (
            same_or_next
            and before not in dropped
            and _asks_what_a_thing_is(parts[before])
            and _is_guess(parts[after])
        ):
            dropped.add(after)
    if not dropped:
        return message
    kept_at = [at for at, w in enumerate(message.words) if (w.sentence, w.segment) not in dropped]
    kept = tuple(message.words[at] for at in kept_at)
    sentences = {w.sentence for w in kept}
    return Message(
        kept,
        frozenset(q for q in message.questions if q in sentences),
        message.sentences,
        frozenset(new for new, at in enumerate(kept_at) if at in message.capitals),
    )


def split_message(text: str) -> Message:
    """Split a message into normalized words, sentences and comma-separated segments."""
    words: list[Word] = []
    questions: set[int] = set()
    capitals: set[int] = set()
    segment = 0
    text = _WEST_COUNTRY_YOU.sub("you", _NORTHERN_THE.sub("the ", text))
    text = _APOSTROPHES.sub("", _SHORT_POSSESSIVE.sub(r"\1", text))
    text = _DASHES.sub(", ", _REPEATS.sub(r"\1", text))
    text = _BRACKETS.sub(", ", text)  # "my manager (we run magento) keeps talking": an aside
    sentences = [part for part in _SENTENCE_END.split(text) if part.strip()]
    for index, sentence in enumerate(sentences):
        if index:
            sentence = _DROPPED_IT.sub(r"\1 it ", sentence.lstrip(), count=1)
        first = True
        letters = _capital_letters(sentence)
        typed_in_capitals = _capital_words(sentence)
        for chunk in normalize_parts(sentence, ","):  # "-" too is a space
            raws = _PHRASES.sub(_phrase_word, chunk).split()
            for at, raw in enumerate(raws):
                if raw in CLAUSE_STARTS and not first:
                    segment += 1  # "i know flask but what is django": a new part of the sentence
                letter = raw in _SHORTHAND_WORDS and (raw in letters or _spelt_letter(raws, at))
                if raw in typed_in_capitals:
                    capitals.add(len(words))
                for word, stemmed in ((raw, raw),) if letter else _forms(raw):
                    if first:
                        if word in QUESTION_STARTS and not _telling_who(raws, at):
                            questions.add(index)
                        first = word in LEAD_INS  # "please explain ...": still asks
                    words.append(_new_word(Word, (word, stemmed, index, segment)))
            segment += 1
        if sentence.rstrip().endswith("?"):
            questions.add(index)
    return Message(tuple(words), frozenset(questions), len(sentences), frozenset(capitals))

"""Free-text questions: accuracy over the evaluation set, and honest answers off topic."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.knowledge import Knowledge
from bot.questions import QuestionAnswerer
from bot.understanding import Intent, Outcome, Understanding
from bot.wording import split_message
from tests.evaluation import (
    MAX_CONFIDENTLY_WRONG,
    MIN_IN_SCOPE_RIGHT,
    MIN_OFF_TOPIC_HELD_BACK,
    TUNE_SETS,
    Report,
    Verdict,
    evaluate,
    load_entries,
)

EVAL_SET = Path(__file__).parent / "data" / "eval_questions.yaml"
#: The answerer must get at least this share of the evaluation set right.
MIN_ACCURACY = 0.90


def is_correct(answerer: QuestionAnswerer, entry: dict) -> bool:
    """Right intent and section, and (when topics are expected) the expected best topic first."""
    understanding = answerer.understand(entry["q"])
    if understanding.intent != entry["intent"] or understanding.section_id != entry.get("section"):
        return False
    expected = entry.get("topics") or []
    return not expected or (
        bool(understanding.topic_ids) and understanding.topic_ids[0] in expected
    )


_ANSWERERS: dict[int, QuestionAnswerer] = {}


def _shared(knowledge: Knowledge) -> QuestionAnswerer:
    """One answerer per knowledge object (hypothesis reuses the session fixture)."""
    return _ANSWERERS.setdefault(id(knowledge), QuestionAnswerer(knowledge))


@pytest.fixture(scope="module")
def answerer(knowledge: Knowledge) -> QuestionAnswerer:
    """The rules alone: the tables here pin what they decide (tests/test_learned.py covers the
    learned second opinions; the eval targets below, the two together)."""
    return QuestionAnswerer(knowledge, beside=False)


# -- tables: one question, the aspects of its understanding that must hold ----------------------

#: The aspects a table row may expect; a row checks only those it names. ``first``: what the
#: topics start with; ``topics``: all of them, in order; ``topic_set``: all of them, any order.
_ASPECTS = frozenset({"outcome", "intent", "confident", "topics", "first", "topic_set", "section"})


def expect(**aspects: object) -> dict[str, object]:
    """What a question must be understood as (an aspect not in ``_ASPECTS`` fails at once)."""
    assert aspects and set(aspects) <= _ASPECTS, f"unknown aspects: {set(aspects) - _ASPECTS}"
    return aspects


def aspects_of(asked: Understanding, expected: Mapping[str, object]) -> dict[str, object]:
    """The aspects of ``asked`` that ``expected`` names, to compare with it."""
    first = expected.get("first", ())
    assert isinstance(first, tuple)
    seen = {
        "outcome": asked.outcome,
        "intent": asked.intent,
        "confident": asked.confident,
        "topics": asked.topic_ids,
        "first": asked.topic_ids[: len(first)],
        "topic_set": set(asked.topic_ids),
        "section": asked.section_id,
    }
    return {aspect: seen[aspect] for aspect in expected}


def table(behaviours: Mapping[str, list[tuple[str, dict[str, object]]]]) -> list[Any]:
    """Test cases from rows grouped by behaviour, each named by its behaviour and question."""
    return [
        pytest.param(question, expected, id=f"{behaviour}: {question[:40]}")
        for behaviour, rows in behaviours.items()
        for question, expected in rows
    ]


def test_evaluation_set_is_big_and_varied() -> None:
    entries = yaml.safe_load(EVAL_SET.read_text())
    assert len(entries) >= 100
    assert {e["intent"] for e in entries} == {i.value for i in Intent}
    assert sum(e["intent"] == "unknown" for e in entries) >= 15


def test_accuracy_over_the_evaluation_set(answerer: QuestionAnswerer) -> None:
    entries = yaml.safe_load(EVAL_SET.read_text())
    wrong = [e["q"] for e in entries if not is_correct(answerer, e)]
    accuracy = 1 - len(wrong) / len(entries)
    assert accuracy >= MIN_ACCURACY, f"accuracy {accuracy:.1%}; wrong: {wrong}"


@given(text=st.text(max_size=300))
@example(text="0:F#\n:")  # a question sentence with no words in it once crashed
@settings(max_examples=300, deadline=None)
def test_any_text_gets_an_understanding(knowledge: Knowledge, text: str) -> None:
    understanding = _shared(knowledge).understand(text)
    assert understanding.intent in set(Intent)
    assert all(topic_id in knowledge.topics for topic_id in understanding.topic_ids)
    # Only a confident answer or a choice offered back has an intent.
    assert (
        understanding.confident
        or understanding.outcome is Outcome.ASKED_BACK
        or understanding.intent is Intent.UNKNOWN
    )


# -- what a message asks for: the path, a step, material, projects, a comparison ---------------

_ASKING = table(
    {
        "a name asked to be explained is the technology": [
            (
                "please explain me docker, my teacher in yakutsk say i must learn it but i dont"
                " understand why i need",
                expect(intent=Intent.TOPIC, topics=("docker",)),
            ),
            (
                "ci/cd.. can somebody break dat down real simple fer me, like im five eh",
                expect(intent=Intent.TOPIC, topics=("ci-cd",)),
            ),
        ],
        'Northern "t\'" is "the", a word of its own': [
            (
                "any projects I can build for practice on t'APIs bit? summat not too hard like",
                expect(intent=Intent.PROJECTS, section="apis"),
            ),
        ],
        '"what is this <name> thing" asks about the technology': [
            (
                "wha dis docker ting everybody in de group chat talkin bout? it does do wha"
                " exactly",
                expect(intent=Intent.TOPIC, topics=("docker",)),
            ),
            (
                "bout ye, whats this docker craic everyone at the night class keeps bangin on"
                " about, is it worth me time",
                expect(intent=Intent.TOPIC, topics=("docker",)),
            ),
        ],
        '"what is <name> like", ending its part, asks about the technology': [
            (
                "howay whats docker like, in plain english marra",
                expect(intent=Intent.TOPIC, topics=("docker",)),
            ),
        ],
        '"ok so" leads on to the question, no thanks; "thanks so much" is thanks': [
            (
                "ok so whats dis whole roadmap about? where i even start at",
                expect(intent=Intent.OVERVIEW),
            ),
            ("thanks so much", expect(outcome=Outcome.SMALL_TALK)),
        ],
        "two topics compared apart from technology told before are compared": [
            (
                "Bike shop here, about 400 bikes, 3000 parts, customers and repair tickets all in"
                " spreadsheets. I keep reading SQL versus NoSQL arguments online and I'm plumb"
                " lost. Which is which, in plain words?",
                expect(intent=Intent.COMPARE, topics=("sql", "nosql")),
            ),
        ],
        'two names of a kind joined by "or" in another language are compared (Dutch "of")': [
            (
                "express of nestjs, wat is difference",
                expect(intent=Intent.COMPARE, topics=("express", "nestjs")),
            ),
        ],
        'a name holding "and" is two names listed when the second runs on past it': [
            (
                "Dem talk bout monitoring and performance optimization like two different ting but"
                " me cyan see de difference. Is it de same ting or how dem different?",
                expect(intent=Intent.COMPARE, topics=("monitoring", "performance-optimization")),
            ),
            (
                "what is the monitoring and performance section",
                expect(intent=Intent.TOPIC, section="monitoring-performance"),
            ),
        ],
        'West Country "\'ee" is "you"; "EE" alone is Jakarta EE\'s': [
            (
                "supabase or firebase for the cattery app? which one would 'ee go for",
                expect(outcome=Outcome.NOT_COVERED, topics=("firebase",)),
            ),
            (
                "What exactly is Jakarta EE, and is it still maintained?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        '"it" points past a name before a crowd ("the React forums"), where it was heard of': [
            (
                "Everyone in the React forums keeps mentioning JWT. What is it and how does it"
                " work?",
                expect(intent=Intent.TOPIC, topics=("jwt",)),
            ),
        ],
        'one name weighed against someone else\'s way after "or" ("or is he right") is compared': [
            (
                "A lad at the pub reckons we should do it as microservices cos that's what the"
                " big firms do. Is a monolith not fine for summat this size, or is he right?",
                expect(intent=Intent.COMPARE, topic_set=frozenset({"monolith", "microservices"})),
            ),
            (
                "I've been told Kotlin is the modern Java. Is Kotlin worth learning for backend"
                " work, or is it mainly Android?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        "trouble fixed in technology the roadmap lacks is asked about it, no need around it": [
            (
                "Di club have one wordpress site wid di fixtures an di bar menu pon it. Di plugin"
                " dem keep break every time it update. How fi fix wordpress plugin conflict?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        "a kind word naming a part of the roadmap is a step, not the kind asked for": [
            (
                "I have a small stained glass studio in Nuoro together with my sister, and in the"
                " winter evenings I study programming. I finished the part of the languages and"
                " now I arrive to Docker. Which are the good resources to learn it? Grazie.",
                expect(intent=Intent.RESOURCES, topics=("docker",)),
            ),
        ],
        '"I read about" tells what was read; it asks for no material': [
            (
                "I try to make the backend for his bookings in Node. I read about Express and"
                " also about NestJS. Is it same thing? Both is for node, no?",
                # the rules' reading; the learned opinion makes it the comparison
                expect(intent=Intent.TOPIC, topics=("express", "nestjs")),
            ),
        ],
        "a greeting before a question about this roadmap is no small talk": [
            ("hi, what is this roadmap about", expect(intent=Intent.OVERVIEW)),
            (
                "Who built this bot? I'm working on something similar for the Python roadmap at"
                " my university, and I'd love to know whether it was one person or a team.",
                expect(outcome=Outcome.SMALL_TALK),
            ),
        ],
        '"wha\'s" is "what is"': [
            (
                "hold yew hard bor, this here REST api thing, wha's it actually dew?",
                expect(intent=Intent.TOPIC, topics=("rest",)),
            ),
        ],
        '"hello world" inside a message is the first program, not a greeting': [
            (  # nothing named to build with: no answer, but no greeting back either
                "been at it after work. any projects i could build to practice, somethin real and"
                " not just hello world?",
                expect(outcome=Outcome.REFUSED),
            ),
        ],
        '"what that is" asks what a name is, as "what is that" does': [
            (
                "my cousin made an android app in kotlin for the ranch and now he says we need"
                " firebase, what dat is?",
                expect(intent=Intent.TOPIC, topics=("firebase",)),
            ),
        ],
        "a name tells what is learnt right after a learning word": [
            (
                "i've been learnin python of a night and the lad at work ses i should do"
                " javascript. wot's the real difference between 'em for backend stuff?",
                expect(intent=Intent.COMPARE, topics=("python", "javascript")),
            ),
        ],
        'a name followed by "in software" is the software sense, whatever else is said': [
            (
                "wat exactly is a monolith in software, askin for me da who thinks its a big rock",
                expect(intent=Intent.TOPIC, topics=("monolith",)),
            ),
        ],
        "a name-word between a person and an object pronoun is a verb": [
            (  # "aks" is also AKS, Azure's Kubernetes; a person or a program asks about the bot
                "Before ah aks you anyting, tell me: you is a real person typin' or a computer"
                " program?",
                expect(outcome=Outcome.SMALL_TALK),
            ),
        ],
        '"hey" closing a message is a tag, not a greeting': [
            (
                "My daughter is in Windhoek learning Flutter and wants to build our embroidery"
                " order app for the phone. She asks me is Flutter better or React Native, and I"
                " know nothing about it. Can you tell me, hey?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        "a greeting before a story and a question about it is more than talk": [
            (
                "hello saiba, at our yurt camp two families came for the same yurt same night and"
                " both had confirmation sms!! how to make the booking so this never happens again",
                expect(outcome=Outcome.ASKED_BACK),
            ),
        ],
        "technology the roadmap lacks, asked about again by one word of its name, is asked": [
            (  # not the trouble told around it (one person at a time: a database's need)
                "Our bridge club still use one Microsoft Access file that an old member made in"
                " 2005 for the masterpoints. Sometimes it crash and only one person can open at a"
                " time. Where can I learn Access forms and reports properly so I can fix it"
                " myself?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        "a roadmap thing asked to be built in a language the roadmap lacks is not covered": [
            (  # the language, not the web server; a framework in its own language is asked
                "I read that Rust language is very fast and safe for memory. I want to write"
                " server for our village fishing cooperative in Rust. How to start with web"
                " server in Rust?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            ("nestjs basics with typescript", expect(intent=Intent.TOPIC, topics=("nestjs",))),
        ],
        '"what make an api REST" asks what makes it so, not what to make': [
            (
                "i test our supplier price api with postman and curl, it give back json. people"
                " keep saying its REST. what make an api REST or not",
                expect(intent=Intent.TOPIC, topics=("rest",)),
            ),
            ("what make a good first project with go", expect(intent=Intent.PROJECTS)),
        ],
        'Spanish "hackea" is hacked: a need for security': [
            (
                "our pearl shop website ya hackea ayer, the front page now have some ugly picture"
                " and strange text in russian. cosa man hace para cerra el mga hoyo so it dont"
                " happen again",
                expect(intent=Intent.USE_CASE, first=("security",), confident=True),
            ),
        ],
        '"or" in another language names a curated comparison too': [
            (  # Italian "o"; the later sentence asks about one of the two
                "ciao, express o nestjs?? my cousin in barga say nest is more serius, is true?",
                expect(intent=Intent.COMPARE, topics=("express", "nestjs")),
            ),
        ],
        'names two people recommend, then "what is better", are picked among': [
            (  # Tagalog "ano ang mas fit": which fits more
                "At the kava bar I keep stock of kava roots, powder, bilo cups and the daily"
                " sales. My friend says use SQL, another friend says NoSQL is the new thing. For"
                " stock and sales that must add up, ano ang mas fit?",
                expect(intent=Intent.COMPARE, topics=("sql", "nosql")),
            ),
            (
                "My uncle says use Django, my teacher says Laravel. For a small shop with an"
                " online catalogue, what is better?",
                expect(intent=Intent.COMPARE, topics=("django", "laravel")),
            ),
        ],
        "technology the roadmap lacks, followed by its own kind and a need, is asked": [
            ("cassandra db fuh sensor data", expect(outcome=Outcome.NOT_COVERED)),
            (  # a thing made with it, wanted for a need, is the need
                "typescript backend for a big team",
                expect(intent=Intent.USE_CASE),
            ),
        ],
        "trouble with technology the roadmap lacks, fixed a few words before it, is asked": [
            (  # Geordie "sort oot": sort out
                "Me lad set us up a site on WordPress for the lighthouse gift shop, but every time"
                " I update owt the plugins start fightin each other and the page gans blank. How"
                " do ye sort oot a WordPress plugin conflict?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        '"that part" after a step and the one topic of it quoted points at the topic': [
            (
                "Under the basics it says 'server, network and hosting environment' and I don't"
                " understand what that means. What exactly is that part about?",
                expect(intent=Intent.TOPIC, topics=("hosting-environment",)),
            ),
        ],
        '"since morning" tells when, it greets nobody': [
            (
                "maaraya our pottery shop website is showing some casino pictures since morning,"
                " somebody hacked it i think, customers calling me. how to close the holes so it"
                " dont happen again",
                expect(intent=Intent.USE_CASE, first=("security",)),
            ),
        ],
        'Hindi and Urdu "ya" between two names is "or"': [
            (
                "django ya flask small site graffiti crew",
                expect(intent=Intent.COMPARE, topics=("django", "flask")),
            ),
        ],
        'a comparative in a "which" after two names side by side names no topic': [
            (  # "faster" is how FastAPI and Flask are compared, not performance
                "fastapi or flask for a small api for my kiln sensors? which one is faster",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (
                "go or node for my chat server? which is faster",
                expect(intent=Intent.COMPARE, topics=("go", "javascript")),
            ),
        ],
        'a kind said of "both" names compared is no topic': [
            (
                "mongodb vs couchdb, whats the diff really, both document db na?",
                expect(intent=Intent.COMPARE, topics=("mongodb", "couchdb")),
            ),
            (
                "flask or django, both python frameworks, which for a blog",
                expect(intent=Intent.COMPARE, topics=("flask", "django")),
            ),
        ],
        "a step's topics and the step itself listed after it are its examples": [
            (
                "I finished a basic Django tutorial and made a blog. Now what projects should I"
                " do for the deployment part, like containers and cloud stuff? I want something"
                " to show the IT people at the felt export company.",
                expect(intent=Intent.PROJECTS, section="deployment"),
            ),
        ],
        "how to make a thing on technology the roadmap lacks asks about that technology": [
            (
                "My aunty sews felt slippers and my cousin says sell them online with Shopify."
                " How do I make a Shopify store and add products with photos?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            ("how ya make a wordpress plugin", expect(outcome=Outcome.NOT_COVERED)),
            (
                "which language to make a wordpress plugin",
                expect(intent=Intent.USE_CASE, first=("php",)),
            ),
        ],
        '"what is" in another language beside a name asks what it is': [
            ("docker kya hai bhai", expect(intent=Intent.TOPIC, topics=("docker",))),
            ("django kya hota hai", expect(intent=Intent.TOPIC, topics=("django",))),
            ("apa itu docker", expect(intent=Intent.TOPIC, topics=("docker",))),
            ("ano ang rest", expect(intent=Intent.TOPIC, topics=("rest",))),
            ("docker là gì", expect(intent=Intent.TOPIC, topics=("docker",))),
            ("que es docker", expect(intent=Intent.TOPIC, topics=("docker",))),
            ("o que é docker", expect(intent=Intent.TOPIC, topics=("docker",))),
            ("c'est quoi docker", expect(intent=Intent.TOPIC, topics=("docker",))),
            ("go nedir", expect(intent=Intent.TOPIC, topics=("go",))),
            (  # "qué es" after the names asks which of them
                "python o java que es mas facil",
                expect(intent=Intent.COMPARE, topics=("python", "java")),
            ),
        ],
        '"difference" in another language asks to compare': [
            (
                "django aur flask mein kya farak hai",
                expect(intent=Intent.COMPARE, topics=("django", "flask")),
            ),
            (
                "diferencia entre django y flask",
                expect(intent=Intent.COMPARE, topics=("django", "flask")),
            ),
            (
                "perbedaan mysql dan postgresql",
                expect(intent=Intent.COMPARE, topics=("mysql", "postgresql")),
            ),
        ],
        "learning, material and projects in Spanish, Portuguese and Hindi ask for them": [
            (
                "recursos para aprender docker",
                expect(intent=Intent.RESOURCES, topics=("docker",)),
            ),
            (
                "proyectos para practicar django",
                expect(intent=Intent.PROJECTS, topics=("django",)),
            ),
            ("cursos de sql gratis", expect(intent=Intent.RESOURCES, topics=("sql",))),
        ],
        "Hindi and Urdu words around a name say nothing about it (a name, not a word)": [
            ("docker ke liye resources", expect(intent=Intent.RESOURCES, topics=("docker",))),
            (
                "python sikhne ke liye best youtube channel",
                expect(intent=Intent.RESOURCES, topics=("python",)),
            ),
            (
                "mujhe django seekhna hai kahan se start karu",
                expect(intent=Intent.TOPIC, topics=("django",)),
            ),
            ("mere paas ek python hai ghar pe, woh khana nahi kha raha", expect(confident=False)),
        ],
        "a name-word that is what someone is or was is their trade, not the name": [
            (
                "my grandpa was a docker in lagos whole life, what did dockers do daily back then?",
                expect(confident=False),
            ),
            (
                "my uncle worked as a docker in mombasa, what did dockers do all day",
                expect(confident=False),
            ),
            ("my mum is a docker, what does she do at work", expect(confident=False)),
            ("my friend is a python dev, what is django", expect(topics=("django",))),
        ],
        "a step of the field named only after the field asked about says it again": [
            (
                "what even is backend dev, like what does the server side do",
                expect(intent=Intent.TOPIC, section="basics"),
            ),
            (
                "wat is this backend thing basically, the server side?",
                expect(intent=Intent.TOPIC, section="basics"),
            ),
            ("what is the server in backend", expect(topics=("hosting-environment",))),
            (
                "What does API integration mean, and what does a backend developer actually do"
                " when integrating APIs?",
                expect(topics=("api-integration",)),
            ),
        ],
        "Swahili 'au' between two names of a kind sets them side by side; 'kaka' is no name": [
            ("rest au graphql kaka?", expect(intent=Intent.COMPARE, topics=("rest", "graphql"))),
            ("django au flask", expect(intent=Intent.COMPARE, topics=("django", "flask"))),
        ],
        "configuring or installing technology the roadmap lacks asks about it": [
            (
                "our site sits behind nginx and showed 502 all night. how do i configure nginx"
                " properly so it doesnt happen again?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            ("how do i install kafka on my server", expect(outcome=Outcome.NOT_COVERED)),
        ],
        "payment providers learners meet are technology the roadmap lacks": [
            ("what is mpesa daraja", expect(outcome=Outcome.NOT_COVERED)),
            ("paystack or flutterwave?", expect(outcome=Outcome.NOT_COVERED)),
            (
                "how do i connect my payments system to mpesa daraja so farmers get paid",
                expect(topics=("api-integration",)),
            ),
        ],
        "a cotton gin in Swahili is the everyday gin": [
            (
                "Kabla ya kusoma computer nilikuwa nafanya kazi kwenye gin ya pamba msimu wa"
                " mavuno. Gin ile inatenganisha mbegu na pamba. Why do the old gins catch fire?",
                expect(confident=False),
            ),
        ],
        "a sentence pointing back at both names and asking how they differ compares them": [
            (
                "i learn express, maybe nestjs? both are node, what is the difference",
                expect(intent=Intent.COMPARE, topics=("express", "nestjs")),
            ),
            (
                "express seekhun ya seedha nestjs? dono node ke hi hain kya farq hai",
                expect(intent=Intent.COMPARE, topics=("express", "nestjs")),
            ),
            ("should i use flask? they say its same as django", expect(topics=("flask",))),
        ],
        "Hindi 'aur' is 'and', Nepali 'ki' between two names of a kind is 'or'": [
            (
                "jwt aur oauth same cheez hai?",
                expect(intent=Intent.COMPARE, topics=("jwt", "oauth")),
            ),
            (
                "auth aur security wale section mein kya kya aata hai",
                expect(intent=Intent.TOPIC, section="auth-security"),
            ),
            (
                "express ki nestjs? kun lini",
                expect(intent=Intent.COMPARE, topics=("express", "nestjs")),
            ),
        ],
        "a one-word name after 'let me' or 'lets' is a verb": [
            (
                "need a marketplace prototype for next month, what framework let me go quick?",
                expect(intent=Intent.USE_CASE, first=("rails",)),
            ),
            ("lets learn go", expect(topics=("go",))),
        ],
        "Hindi 'kya cheez hai' (what thing is it) after a name asks what it is": [
            (
                "office mein sab bolte rest rest, rest kya cheez hai",
                expect(intent=Intent.TOPIC, topics=("rest",)),
            ),
            ("boss bolta hai gin use karo, gin kya chiz hai", expect(topics=("gin",))),
        ],
        "pointing back at the names told and asking how they differ, among outside words": [
            (
                "I already installed MySQL because of a youtube tutorial, but my friend who works"
                " in a bank says PostgreSQL is more serious. For a small system of roof jobs and"
                " invoices, what is the real difference between them?",
                expect(intent=Intent.COMPARE, topics=("mysql", "postgresql")),
            ),
            (
                "I know java and python. For a junior job, which of them pays more?",
                expect(outcome=Outcome.REFUSED),
            ),
        ],
        "Swahili 'ni kitu moja' (is one thing) asks if two names are the same": [
            (
                "docker na ci/cd ni kitu moja? boss anasema devops devops tu kila saa",
                expect(intent=Intent.COMPARE, topics=("docker", "ci-cd")),
            ),
            (
                "jwt na oauth ni kitu kimoja?",
                expect(intent=Intent.COMPARE, topics=("jwt", "oauth")),
            ),
        ],
        "material asked right after a topic, technology it lacks only saying what the app is": [
            (
                "flutter app firebase learning resources",
                expect(intent=Intent.RESOURCES, topics=("firebase",)),
            ),
            (
                "firebase docs links, app is in swift",
                expect(intent=Intent.RESOURCES, topics=("firebase",)),
            ),
            ("terraform aws student tutorial", expect(outcome=Outcome.NOT_COVERED)),
            ("mongoose mongodb schema tutorial please", expect(outcome=Outcome.NOT_COVERED)),
        ],
        "Hindi 'kaise' (how) right after a name asks about it": [
            (
                "vue frontend se baat karne ke liye rest api kaise design karte hain, endpoints"
                " naming wagera",
                expect(intent=Intent.TOPIC, topics=("rest",)),
            ),
            (
                "react wale frontend ke liye jwt kaise kaam karta hai",
                expect(intent=Intent.TOPIC, topics=("jwt",)),
            ),
        ],
        "'what is this style called' asks for a name: its words tell no need": [
            (
                "me alone building small farm records app, one codebase one deploy is ok or? what"
                " is this style called",
                expect(intent=Intent.USE_CASE, first=("monolith",)),
            ),
        ],
        "'it' before the name asked about points at that name where it was told last": [
            (
                "Last year I did a hackathon in Guwahati with Firebase and it was very easy. Now my"
                " mentor says for our crew's bigger app I should try NestJS. Before I spend my"
                " holidays on it, what kind of project is NestJS made for?",
                expect(intent=Intent.TOPIC, topics=("nestjs",)),
            ),
            ("i use flask. is it good for rest apis?", expect(first=("flask",))),
        ],
        "Spanish and Portuguese words are read as the English they say": [
            (
                "dame ideas de proyectos para la parte de auth y security pls, quiero practicar"
                " los fines de semana",
                expect(intent=Intent.PROJECTS, section="auth-security"),
            ),
            (
                "hola, soy chiquitana de San José de Chiquitos, nunca programé nada, cual es el"
                " camino completo pa ser backend? q va primero",
                expect(intent=Intent.OVERVIEW),
            ),
            (
                "tengo terraform armado x un amigo pa la infra pero yo quiero aprender aws en si,"
                " por donde empiezo? links porfa",
                expect(intent=Intent.RESOURCES, topics=("aws",)),
            ),
            (
                "Trabalho como motorista de van entre Cuiabá e Várzea Grande e faço a contabilidade"
                " da cooperativa. Tem pagamentos, parcelas, saldo de cada motorista, relatório"
                " mensal, e se um pagamento falhar no meio não pode ficar pela metade. Qual banco"
                " de dados é mais indicado pra esse tipo de dado bem amarrado com transação?",
                expect(intent=Intent.USE_CASE, first=("sql",)),
            ),
            ("app celular sin servidor propio datos en tiempo real", expect(first=("firebase",))),
            (
                "quiero predecir cuando madura el platano con fotos y ponerlo en una web, q"
                " lenguaje backend me sirve",
                expect(intent=Intent.USE_CASE, first=("python",)),
            ),
            ("kafka tutorial en español", expect(outcome=Outcome.NOT_COVERED)),
            (
                "me dijeron q si guardo las contraseñas de mis clientes asi nomas en texto plano me"
                " pueden hackear, y tb algo de inyeccion sql. q tengo q aprender pa proteger mi app"
                " de ventas de cuero?",
                expect(intent=Intent.USE_CASE, first=("security",)),
            ),
            (
                "necesito un servicio bien rapido que reciba la ubicacion gps de 200 camiones de"
                " caña cada segundo, mucha concurrencia. cual uso?",
                expect(intent=Intent.USE_CASE, first=("go",)),
            ),
            (
                "uso rabbitmq en el laburo pa mandar mensajes entre servicios pero no entiendo"
                " microservicios en general, q son?",
                expect(topics=("microservices",)),
            ),
            ("doei en bedankt", expect(outcome=Outcome.SMALL_TALK)),
        ],
        "technology right after the material asked for is what the message is about": [
            ("course c# .net web api", expect(outcome=Outcome.NOT_COVERED)),
            ("curso c# .net web api gratis", expect(outcome=Outcome.NOT_COVERED)),
        ],
        "a step named, then some of its own topics guessed after a comma, asks what it holds": [
            (
                "aye so whats the databases bit cover then, sql an that? just startin it on me days"
                " off from the ward",
                expect(intent=Intent.TOPIC, section="databases"),
            ),
            (
                "oh for cute, a roadmap! so what all's in the API part then, rest and graphql and"
                " what else",
                expect(intent=Intent.TOPIC, section="apis"),
            ),
            ("in the databases part, what is sql?", expect(topics=("sql",))),
            (
                "I'm going through the basics part of the roadmap and it keeps saying application"
                " logic. What is that exactly, in plain words?",
                expect(topics=("application-logic",)),
            ),
        ],
        "material listed in the sentence after the question is what it asks for": [
            (
                "ey up, owt decent for learnin sql? books, sites, owt like that",
                expect(intent=Intent.RESOURCES, topics=("sql",)),
            ),
        ],
        "a name told twice, then asked if it is just the other, is compared": [
            (
                "express and nestjs.. is nestjs just express with more rules on it?",
                expect(intent=Intent.COMPARE, topics=("nestjs", "express")),
            ),
        ],
        "an explanation is learning material: the software sense": [
            ("docker simple explanation pls", expect(intent=Intent.TOPIC, topics=("docker",))),
        ],
        '"to go with" a name is choosing it': [
            (
                "Is it more smart to go with PHP or with Python for this kind of thing?",
                expect(intent=Intent.COMPARE, topics=("php", "python")),
            ),
        ],
        "a question pointing back at a name told after a greeting asks about it": [
            (
                "Hej, I study backend on night shifts. In the roadmap there is something called"
                " monitoring. Is it like the alarms we have on the panel, but for the server?",
                expect(intent=Intent.TOPIC, topics=("monitoring",)),
            ),
            (
                "Hello, I study programming on my phone in the evening. In the roadmap there is"
                " the part Deployment and DevOps. What I must learn inside this part and in which"
                " order please?",
                expect(intent=Intent.TOPIC, section="deployment"),
            ),
        ],
        "an everyday sense denied is a sign of software": [
            ("python, the language not the snake", expect(intent=Intent.TOPIC, topics=("python",))),
            (
                "whats a monolith in software, not the big rock kind lol",
                expect(intent=Intent.TOPIC, topics=("monolith",)),
            ),
        ],
        "Caribbean shorthand": [
            (
                "wuk pon me laptop, break pon de server",
                expect(intent=Intent.USE_CASE, first=("docker",)),
            ),
        ],
        "a job site is where jobs are posted, not a site to learn on": [
            (
                "mi learn likkle java inna school, now mi see spring boot everyweh pon di job site"
                " dem, wah it good fah?",
                expect(intent=Intent.TOPIC, topics=("spring-boot",)),
            ),
        ],
        "a PC is the learner's machine, as a laptop is": [
            (
                "app work on my pc but not on the server, same code",
                expect(intent=Intent.USE_CASE, first=("docker",)),
            ),
        ],
        "what material costs is no talk of pay": [
            (
                "docker tutorials free ones pls, nothin paid",
                expect(intent=Intent.RESOURCES, topics=("docker",)),
            ),
        ],
        "a kind asked about after a name told is the kind's step": [
            (
                "I know Python now. any good books about databases?",
                expect(intent=Intent.RESOURCES, section="databases"),
            ),
        ],
        'having "a go at" is no go': [
            (
                "For the authentication and security part, what sort of project should I be"
                " having a go at?",
                expect(intent=Intent.PROJECTS, section="auth-security"),
            ),
        ],
        "material asked for in another language": [
            ("mongodb beginner resurs", expect(intent=Intent.RESOURCES, topics=("mongodb",))),
        ],
        '"good and bad points" are the pros and cons': [
            ("microservices good and bad points", expect(intent=Intent.TOPIC, confident=True)),
        ],
        "pidgin and Turkish asking what a name is, or which of two": [
            ("abeg wetin be docker sef", expect(intent=Intent.TOPIC, topics=("docker",))),
            ("hocam node mu python mu??", expect(intent=Intent.COMPARE, confident=True)),
        ],
        '"X is good for what kind of work?" asks what X is for': [
            (
                "Before I learn little bit PHP for make website. Now my friend say Go is very fast"
                " and good for server. Go is good for what kind of work? I want know before I"
                " change.",
                expect(first=("go",)),
            ),
        ],
        '"little bit python" is an amount, no snake': [
            (
                "i know little bit python, is it good for backend?",
                expect(intent=Intent.TOPIC, topics=("python",)),
            ),
        ],
        "projects asked for a kind, after a name told, are the kind's step": [
            (
                "I chose Python. Now which projects can I do to practice databases?",
                expect(intent=Intent.PROJECTS, section="databases"),
            ),
        ],
        "the two of a kind asked to differ, wherever they were told": [
            (  # "little services" are microservices, as "one big app" is a monolith
                "one big app or a bunch of lil services for my startup?? idk man",
                expect(intent=Intent.COMPARE, topic_set={"monolith", "microservices"}),
            ),
            (
                "I read about both MySQL and PostgreSQL. Many hosting firms offer MySQL. What is"
                " the difference between them?",
                expect(intent=Intent.COMPARE, topic_set={"mysql", "postgresql"}),
            ),
            (  # "Rails" is no plural told last, asked what "they" are
                "I learn Laravel because PHP is easy for the hosting. My friend says Ruby on Rails"
                " is more fast. Between the two which one is better?",
                expect(intent=Intent.COMPARE, topic_set={"laravel", "rails"}),
            ),
            (  # "go" after "should a beginner" is a verb
                "my friend says django, my teacher says flask. which way should a beginner go,"
                " hon?",
                expect(intent=Intent.COMPARE, topic_set={"django", "flask"}),
            ),
            (  # "ruby" set beside "php" with "or" is the language, whatever "cousin" says
                "php or ruby, which one more easy? my cousin in london say ruby is dead already",
                expect(intent=Intent.COMPARE, topic_set={"php", "ruby"}),
            ),
            (  # "one over the other" picks between the names told before
                "my tutorial uses SQLite but everybody at the coding night talks Postgres. when do"
                " you pick one over the other?",
                expect(intent=Intent.COMPARE, topic_set={"sqlite", "postgresql"}),
            ),
            (  # "use sqlite" told as advice; a "youtube fella" tells, is no video to watch
                "a bloke at the yard says use SQLite, some YouTube fella says PostgreSQL. which is"
                " better for summat this size?",
                expect(intent=Intent.COMPARE, topic_set={"sqlite", "postgresql"}),
            ),
        ],
        "asked if the same, then what both are: a comparison": [
            (
                "is flask and django the same thing? both python no?",
                expect(intent=Intent.COMPARE, topic_set={"flask", "django"}),
            ),
            (  # Spanish "lo mismo": the same
                "docker y ci/cd es lo mismo?? no entiendo nada",
                expect(intent=Intent.COMPARE, topic_set={"docker", "ci-cd"}),
            ),
            (  # Afrikaans "ding": a thing
                "is docker en ci/cd the same ding?",
                expect(intent=Intent.COMPARE, topic_set={"docker", "ci-cd"}),
            ),
            (  # British "v": versus
                "sqlite v postgres small shop",
                expect(intent=Intent.COMPARE, topic_set={"sqlite", "postgresql"}),
            ),
        ],
        '"go into one" is a verb': [
            (
                "Now I reached the frameworks section and there are so many. Can you explain me"
                " this section in general before I go into one?",
                expect(intent=Intent.TOPIC, section="frameworks"),
            ),
        ],
        "a greeting, then asked to explain a name": [
            (
                "hello, pls explain me ci/cd simply. our IT guy says it every day",
                expect(intent=Intent.TOPIC, topics=("ci-cd",)),
            ),
        ],
        "names of a kind asked for the best, or in pidgin, compare": [
            ("python ali javascript first?", expect(intent=Intent.COMPARE, confident=True)),
            ("aws azure gcp whit's best", expect(intent=Intent.COMPARE, confident=True)),
            (
                "python o javascript, wanem nao gudfala fo mi statem backend?",
                expect(intent=Intent.COMPARE, topic_set={"python", "javascript"}),
            ),
            (
                "express an nestjs, tufala sem samting o nomoa?",
                expect(intent=Intent.COMPARE, topic_set={"express", "nestjs"}),
            ),
            (  # "the two" are the two of a kind, not the runtime told with them
                "The Node people online say Express, my friend in Auckland say NestJS is more"
                " tidy. For a small booking API for the clinic, how are the two different?",
                expect(intent=Intent.COMPARE, topic_set={"express", "nestjs"}),
            ),
        ],
        "a kind naming a step, asked what there is of it, is the step": [
            (
                "types of databases",
                expect(intent=Intent.TOPIC, confident=True, section="databases"),
            ),
            (
                "what databases do backend devs normally use?",
                expect(intent=Intent.TOPIC, confident=True, section="databases"),
            ),
            (  # a list asked for is what there is of it, no need for listings
                "backend databases list",
                expect(intent=Intent.TOPIC, confident=True, section="databases"),
            ),
            (  # technology told besides is no subject of a sentence naming the roadmap
                "I know COBOL, a little C, some VB. Which languages does this roadmap cover?",
                expect(intent=Intent.TOPIC, confident=True, section="languages"),
            ),
            (
                "what databases this roadmap have? i only know excel and access lol",
                expect(intent=Intent.TOPIC, confident=True, section="databases"),
            ),
            (  # a need besides: the need
                "which database is most popular for banking apps",
                expect(intent=Intent.USE_CASE, section=None),
            ),
        ],
        "Caribbean 'wha' asks what": [
            (
                "i did a lil excel macro ting at work and a html course online, now dem saying"
                " learn django. django good for wha exactly",
                expect(intent=Intent.TOPIC, topics=("django",)),
            ),
        ],
        "of names told in the asking sentence, the one asked what it is is the subject": [
            (
                "the startup i joined uses node with express and i feel lost what is express "
                "doing for me",
                expect(intent=Intent.TOPIC, topics=("express",)),
            ),
            (
                "at work we use python with django and i am lost what does django do",
                expect(intent=Intent.TOPIC, topics=("django",)),
            ),
        ],
        "a name the learner says they understand is told, the next one asked is the subject": [
            (
                "At my old job in a call center we used Jira and somebody always was talking about"
                " Docker. Now I pick cherries in Kent and in the evenings I learn. I understand"
                " what is Docker, but what is this CI CD pipeline and why everybody put it"
                " together with Docker?",
                expect(intent=Intent.TOPIC, first=("ci-cd",)),
            ),
            (  # wanting to understand it asks it
                "the team moves to PostgreSQL soon. Before I start I'd like to understand what"
                " PostgreSQL is and what it's good at.",
                expect(intent=Intent.TOPIC, topics=("postgresql",)),
            ),
        ],
        "two everyday names of a kind, one picked of them, are each other's context": [
            (
                "my grandson and me are fixin to build us an online catalog. He says Django, I"
                " read somewhere Rails is quicker for one or two people. Which would y'all pick"
                " and why?",
                expect(intent=Intent.COMPARE, topic_set={"django", "rails"}),
            ),
        ],
        "two names pointed at as the two are compared": [
            (
                "A fella at the falconry club say if I ever put it online I go need postgres."
                " Is that true or sqlite could handle it? What really separate the two?",
                expect(intent=Intent.COMPARE, topic_set={"postgresql", "sqlite"}),
            ),
            (
                "there's AWS, there's Azure, there's Google Cloud. I just want my shop site to live"
                " somewhere dependable. Which of the three would y'all go with?",
                expect(intent=Intent.COMPARE, topic_set={"aws", "azure", "gcp"}),
            ),
        ],
        "what the learner was reading is told, not material asked for": [
            (
                "i have been reading about mongodb lately. is it any good for logging inspections?",
                expect(intent=Intent.TOPIC, first=("mongodb",)),
            ),
        ],
        "a one-word talk phrase after a person is a verb, no small talk": [
            (
                "I am paramedic in Cairo and I help a small private company for ambulance"
                " transfers. They want a system to keep the patients records and the owner is very"
                " scared from hacking and also from staff seeing records they must not see. What"
                " are the things I must care about?",
                expect(intent=Intent.USE_CASE),
            ),
        ],
        "a greeting and where the learner studied are no everyday sense of the names after": [
            (
                "Good day. At the college in Matsapha our lecturer taught us REST and GraphQL,"
                " are they doing the same job?",
                expect(topic_set={"rest", "graphql"}),
            ),
        ],
        "go after having to, before where, at or through is the verb": [
            (
                "im on the databases part now and honestly kinda lost. whats in that section and"
                " which ones should i go thru first?",
                expect(section="databases"),
            ),
            (
                "Did the bit on languages. The next part is deployment and I haven't a notion"
                " what's in it. Could you tell me what that section covers before I go at it?",
                expect(section="deployment"),
            ),
            (
                "Want a proper website with a shop bit on it, and it's got to go on the cheapest"
                " hosting going cos we're skint. There's a way of doing it that runs on any old"
                " host. What's that then?",
                expect(intent=Intent.USE_CASE, first=("php",)),
            ),
        ],
        "the basics of technology the roadmap lacks are no step of it": [
            (
                "im done with html/css basics, what comes next on this roadmap",
                expect(intent=Intent.OVERVIEW),
            ),
            ("kotlin basics", expect(outcome=Outcome.NOT_COVERED)),
        ],
        "technology asked whether the roadmap has it, in pidgin or by pointing, is not covered": [
            (
                "My colleague say make we use InfluxDB with Grafana. Grafana I see for your"
                " monitoring part, but InfluxDB I no see am at all. E dey inside the roadmap?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (
                "My brother-in-law says for the lángos van app we should make the mobile part"
                " with Flutter and the backend with Firebase. Firebase I found in the roadmap, but"
                " Flutter I cannot find. Is it part of it or not?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (
                "My brother-in-law keeps tellin me to put everything behind Cloudflare. I don't"
                " even know what Cloudflare does, really. Is that in this roadmap or is it a whole"
                " other deal?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (
                "I gotta learn TypeScript. I been doing regular JavaScript on the weekends for like"
                " two months now. Is TypeScript on this roadmap at all, or is it just the plain"
                " JavaScript stuff?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (  # "in" not before the roadmap: the path asked for
                "I've been bouncing between YouTube videos on Linux, C, Rust and Docker and getting"
                " nowhere. Can you lay out the whole backend roadmap for me in order?",
                expect(intent=Intent.OVERVIEW),
            ),
            (  # a greeting first, and no "?"
                "ow bist. gaffer at the depot sez learn kotlin cus its like java only better, is"
                " kotlin on this roadmap or am I wastin me time",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        "industry systems learners bring from other trades are known as not covered": [
            (
                "someone in hospital IT said I should learn HL7 and FHIR for healthcare "
                "integrations, what are they?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (
                "unity netcode vs photon for a 4 player coop game?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            ("i want to build an rpg game backend", expect(outcome=Outcome.ANSWERED)),
        ],
        "technology called by the first word of its name is known by it, in software talk": [
            (
                "I keep reading about GraphQL with Apollo Server. What is Apollo exactly and do I"
                " need it?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            ("apollo 11 moon landing facts", expect(outcome=Outcome.REFUSED)),
        ],
        "work done in the background is no learner's background": [
            ("rabbitmq background jobs for mvp", expect(outcome=Outcome.NOT_COVERED)),
            ("python background, what is docker", expect(intent=Intent.TOPIC, topics=("docker",))),
        ],
        "technology the roadmap lacks asked whether it is needed is asked about": [
            (
                "do we need nginx in front of our app for 500 users",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        "a capstone is a software project: a name that is also a word is the technology": [
            (
                "the teacher mentioned kafka for our capstone events, how do i set it up",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        "a step's topics listed after it are examples of the step": [
            (
                "projects for the authentication part, like jwt and oauth",
                expect(intent=Intent.PROJECTS, section="auth-security"),
            ),
            ("the auth part, what is jwt", expect(intent=Intent.TOPIC, topics=("jwt",))),
        ],
        "'they' after a plural told last, in a sentence of its own, points at that name": [
            (
                "I did a bootcamp on Angular last spring. Everyone at my new job talks about "
                "containers. What are they and do I need them?",
                expect(intent=Intent.TOPIC, topics=("docker",)),
            ),
            (  # or after one technology the roadmap lacks, told as the learner's own
                "we keep our orders in excel and a consultant pitched microservices. what are they",
                expect(intent=Intent.TOPIC, topics=("microservices",)),
            ),
        ],
        "'it' points at what others use, not at names told before they are named": [
            (
                "In my Laravel project I used sessions, in my new job (React + Node) they use "
                "JWT. What is it and why not sessions?",
                expect(intent=Intent.TOPIC, topics=("jwt",)),
            ),
            (  # what the learner does with the thing told first is no new clause
                "jwt = just a string i put in localstorage? what is it really",
                expect(intent=Intent.TOPIC, topics=("jwt",)),
            ),
        ],
        "the roadmap asked for, with technology it lacks told before, is the roadmap": [
            (
                "I've done HTML and CSS for a year. Could you give me the big "
                "picture of this backend roadmap and the order to go through it?",
                expect(intent=Intent.OVERVIEW),
            ),
            (  # the path asked for with "it", the roadmap named before
                "I finished a course on HTML and CSS and I'm looking at this roadmap for the "
                "first time. Can you give me the big picture of what's on it and in what order?",
                expect(intent=Intent.OVERVIEW),
            ),
        ],
        "a kind word just after a build word is the learner's product, not a kind asked for": [
            (
                "I want to build a booking tool where prices are always calculated on the "
                "server. Which part of backend is that?",
                expect(intent=Intent.USE_CASE, first=("application-logic",)),
            ),
        ],
        "'that part' points at the step told before, not at the nearest name": [
            (
                "our next module is the databases section. i built a flask project last year. "
                "what does that part include?",
                expect(intent=Intent.TOPIC, section="databases"),
            ),
            (  # a step's name told as a kind, and pointed at as a step: the step, no need
                "I finished the languages part and picked Python. Next on the list is databases"
                " and I've never touched one. What is in that section and what comes first?",
                expect(intent=Intent.TOPIC, section="databases"),
            ),
            (  # no step pointed at: the name
                "i built a flask project last year. what does that do?",
                expect(intent=Intent.TOPIC, topics=("flask",)),
            ),
        ],
        "questions about a whole step name the step": [
            ("what is devops", expect(intent=Intent.TOPIC, confident=True, section="deployment")),
            ("what is an api", expect(intent=Intent.TOPIC, confident=True, section="apis")),
            ("apis", expect(intent=Intent.TOPIC, confident=True, section="apis")),
            (
                "how do i deploy my app",
                expect(intent=Intent.TOPIC, confident=True, section="deployment"),
            ),
            ("databases", expect(intent=Intent.TOPIC, confident=True, section="databases")),
            (  # a need too weak to answer gives way to the step named
                "backend basics for total beginners",
                expect(intent=Intent.TOPIC, confident=True, section="basics"),
            ),
            (
                "what r the deployment topics in here",
                expect(intent=Intent.TOPIC, confident=True, section="deployment"),
            ),
            (
                "tell me about databases",
                expect(intent=Intent.TOPIC, confident=True, section="databases"),
            ),
            (
                "authentication",
                expect(intent=Intent.TOPIC, confident=True, section="auth-security"),
            ),
            ("frameworks", expect(intent=Intent.TOPIC, confident=True, section="frameworks")),
        ],
        "a step asked about is not a need": [
            ("what is an api", expect(section="apis")),
        ],
        "a step asked about in other words is that step": [
            (
                "tell me about the auth stuff",
                expect(intent=Intent.TOPIC, section="auth-security"),
            ),
            (
                "what should i know about deployment",
                expect(intent=Intent.TOPIC, section="deployment"),
            ),
            (
                "what do i learn in the languages step",
                expect(intent=Intent.TOPIC, section="languages"),
            ),
            (
                "what does the monitoring part cover",
                expect(intent=Intent.TOPIC, section="monitoring-performance"),
            ),
            (
                "which programming languages are in the roadmap",
                expect(intent=Intent.TOPIC, section="languages"),
            ),
        ],
        "a step's name next to a word for a step is that step": [
            (
                "what does the deployment section cover",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, section="deployment"),
            ),
            (
                "give me an overview of the auth section",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, section="auth-security"),
            ),
            (
                "what is in the databases part",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, section="databases"),
            ),
            (
                "I'm putting together a study plan and I want to include the databases part of"
                " backend development. What does that section cover?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, section="databases"),
            ),
        ],
        "what a step teaches is the step, not its material": [
            (
                "what does the monitoring n performance bit teach",
                expect(intent=Intent.TOPIC, section="monitoring-performance"),
            ),
            (
                "what should i read for the databases part",
                expect(intent=Intent.RESOURCES, section="databases"),
            ),
            ("i know a bit of cloud, what next", expect(section=None)),
        ],
        "material for a step named by its kind word is not a need": [
            (
                "I'm starting a module on databases and the reading list from my course is out of"
                " date. Can you recommend some resources for learning about databases?",
                expect(intent=Intent.RESOURCES, section="databases"),
            ),
            (
                "idk what db for a school library app, books loans members",
                expect(intent=Intent.USE_CASE),
            ),
        ],
        "a topic's name before a word for a step names the step titled with it": [
            (
                "is there a project for the monitoring section",
                expect(intent=Intent.PROJECTS, section="monitoring-performance"),
            ),
            ("the docker part of my app", expect(section=None)),
        ],
        "the roadmap itself is not a step": [
            ("what is the backend developer roadmap", expect(intent=Intent.OVERVIEW)),
            ("what skills does a backend developer need", expect(intent=Intent.OVERVIEW)),
            (
                "what is backend and what should i learn in which order",
                expect(intent=Intent.OVERVIEW),
            ),
        ],
        "the path asked for after technology the roadmap lacks, told as background": [
            (
                "I'm a sysadmin. I know Linux and a bit of bash. Could you give me the big"
                " picture of the whole path, step by step?",
                expect(intent=Intent.OVERVIEW, confident=True),
            ),
            (
                "I did some HTML years ago and I want to move into backend. What are the big"
                " steps on this roadmap, in order?",
                expect(intent=Intent.OVERVIEW, confident=True),
            ),
        ],
        "a name asked whether it is worth it, for whatever, is the name": [
            (
                "did react on the frontend, is express worth it for backend",
                expect(intent=Intent.TOPIC, topics=("express",)),
            ),
        ],
        "a name asked for its strengths, pros or cons is the name": [
            (
                "python at work, team adding golang, go strengths",
                expect(intent=Intent.TOPIC, topics=("go",)),
            ),
        ],
        "a name asked what it is or how it works is no need for its children": [
            (
                "so node is just javascript on a server? how does that work",
                expect(intent=Intent.TOPIC, topics=("javascript",)),
            ),
        ],
        "a name in 'how does X (actually) work' is asked what it is": [
            (
                "how does docker actually work under the hood",
                expect(confident=True, topics=("docker",)),
            ),
            ("how does firebase really work", expect(confident=True, topics=("firebase",))),
            (  # or a part of it; technology the roadmap lacks, said so
                "The telco keeps call records in Cassandra across three data centres. How does "
                "Cassandra replication work when one goes offline?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            ("how does python shedding work", expect(confident=False)),
        ],
        "a name asked what it is in the next part of the sentence is the software": [
            (  # or in the next sentence, pointing back at it
                "my nas runs unraid n everyone says docker docker docker... wat is it",
                expect(confident=True, topics=("docker",)),
            ),
            (
                "i keep hearing about docker, what's the deal",
                expect(confident=True, topics=("docker",)),
            ),
            (  # "what else" asks nothing of the name
                "my gf named our cat java, what else goes well with that lol",
                expect(outcome=Outcome.REFUSED),
            ),
        ],
        "a comparative between two names set side by side compares them": [
            (
                "whats faster, go or node",
                expect(intent=Intent.COMPARE, topics=("go", "javascript")),
            ),
            (
                "flask or django, which is lighter",
                expect(intent=Intent.COMPARE, topics=("flask", "django")),
            ),
            (  # alone in its sentence after them; one the roadmap lacks: not covered
                "anyone use bun instead of node? faster?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (  # one name: the comparative is the topic it names
                "how do i make my api faster",
                expect(topics=("performance-optimization",)),
            ),
        ],
        "quickstarts, walkthroughs and primers are material": [
            ("any good django walkthrough", expect(intent=Intent.RESOURCES, topics=("django",))),
            ("postgres primer pls", expect(intent=Intent.RESOURCES, topics=("postgresql",))),
            ("docker quickstart", expect(intent=Intent.RESOURCES, topics=("docker",))),
        ],
        "a name asked whether it is hard, easy or old, for whoever, is the name": [
            (  # "too old" is a learner's age only when told of the learner
                "is ruby too old to pick up these days",
                expect(intent=Intent.TOPIC, topics=("ruby",)),
            ),
            (
                "is django too hard for a noob",
                expect(intent=Intent.TOPIC, topics=("django",)),
            ),
            (
                "used java in school, is spring boot difficult for newbies",
                expect(intent=Intent.TOPIC, topics=("spring-boot",)),
            ),
        ],
        "a name asked what it is for, after a background, is the name": [
            (
                "deployed on heroku before, docker what for",
                expect(intent=Intent.TOPIC, topics=("docker",)),
            ),
        ],
        "a name's basics, after a background, are the name": [
            (
                "used mysql at work, now mongo db basics",
                expect(intent=Intent.TOPIC, topics=("mongodb",)),
            ),
            ("node event loop explained", expect(intent=Intent.TOPIC, topics=("javascript",))),
        ],
        "a name explained, for whoever, is the name": [
            (
                "need an explanation of graphql for my team",
                expect(intent=Intent.TOPIC, topics=("graphql",)),
            ),
            ("oauth explained for a frontend dev", expect(intent=Intent.TOPIC, topics=("oauth",))),
        ],
        "a language something is made in is the language, not a word": [
            (
                "ship an mvp with admin panel fast in python",
                expect(intent=Intent.USE_CASE, first=("django",)),
            ),
            ("my snake is in python heaven now", expect(confident=False)),
            (
                "the new data platform will be python based. what does python offer it",
                expect(intent=Intent.TOPIC, topics=("python",)),
            ),
        ],
        "whom a thing is for ('for the film society') is told in passing": [
            (  # and the laptop, named by the use case that fits, only where the need happens
                "my telegram bot for the film society keep dying when i switch off the laptop at"
                " night, how to keep it going all the time",
                expect(intent=Intent.USE_CASE, first=("hosting-environment",)),
            ),
        ],
        "where the learner studied ('from university') is told in passing": [
            (
                "i know little matlab from university (civil engineering) but python what is"
                " good for in backend?",
                expect(intent=Intent.TOPIC, topics=("python",)),
            ),
        ],
        "running a business is outside the roadmap, a need told beside it is not": [
            (
                "how do i write a business plan for my coding bootcamp startup",
                expect(intent=Intent.UNKNOWN, confident=False),
            ),
            (
                "the site went down during our marketing campaign, how to prevent",
                expect(intent=Intent.USE_CASE, first=("performance-optimization",)),
            ),
            (  # what a yard pays for scrap is no wage; "reading up on" asks what to learn
                "I've a scrap yard out Skipton way and a bit of a website showing what we pay for"
                " copper, brass, lead and that. Monday mornings when t' prices change it goes"
                " right slow and sometimes just sits there spinning, cos everyone's checking at"
                " once. What do I want to be reading up on to sort that?",
                expect(intent=Intent.USE_CASE, first=("performance-optimization",)),
            ),
        ],
        "the roadmap named by its title is asked for, beside words of jobs": [
            ("backend roadmap overview for job seekers", expect(intent=Intent.OVERVIEW)),
            ("backend roadmap steps for career changers", expect(intent=Intent.OVERVIEW)),
            ("whats the whole back end road map look like", expect(intent=Intent.OVERVIEW)),
            ("backend developer salary in germany", expect(intent=Intent.UNKNOWN, confident=False)),
            (
                "how do i negotiate, they offered 55k for a backend role",
                expect(outcome=Outcome.REFUSED),
            ),
            ("backend roadmap salary", expect(intent=Intent.UNKNOWN, confident=False)),
        ],
        "a career word after a name and how senior the job is, is a career question": [
            ("golang fresher salary in ahmedabad?", expect(outcome=Outcome.REFUSED)),
            ("python junior developer salary", expect(outcome=Outcome.REFUSED)),
        ],
        "material for a name that is also a word, with only roadmap words besides": [
            ("docker course recommendations", expect(intent=Intent.RESOURCES, topics=("docker",))),
            ("flask course recommendations", expect(intent=Intent.RESOURCES, topics=("flask",))),
            ("a spring guide for hikers", expect(intent=Intent.UNKNOWN, confident=False)),
            ("cosy couch setup for gaming", expect(intent=Intent.UNKNOWN, confident=False)),
            ("is azure the microsoft one", expect(intent=Intent.TOPIC, topics=("azure",))),
        ],
        "a language's own package named is the language, not a look-alike lacking": [
            (
                "got my first endpoint working with net/http, any project ideas to practise?",
                expect(intent=Intent.PROJECTS, topics=("go",)),
            ),
        ],
        "material only ever for learning, after a name with no everyday sign": [
            (
                "any good docker tutorials for an old timer",
                expect(intent=Intent.RESOURCES, topics=("docker",)),
            ),
            (
                "any free java courses that arent boring af",
                expect(intent=Intent.RESOURCES, topics=("java",)),
            ),
        ],
        "an everyday sense denied is no sign of it": [
            ("whats gin? the go one not the drink", expect(intent=Intent.TOPIC, topics=("gin",))),
            ("what is a monolith, not the stone one lol", expect(topics=("monolith",))),
            ("gin and tonic, not the cheap gin", expect(intent=Intent.UNKNOWN, confident=False)),
            ("a python, not a dog, as a pet?", expect(intent=Intent.UNKNOWN, confident=False)),
            (
                "my son needs a conical flask and a funnel for his science fair. we are not a lab"
                " family at all, where do parents buy them?",
                expect(intent=Intent.UNKNOWN, confident=False),
            ),
        ],
        "the field asked what it is: the step named after it": [
            ("wat is backend", expect(intent=Intent.TOPIC, section="basics")),
            ("what even is backend lol like what does it do", expect(section="basics")),
            ("wat does a backend dev even do all day", expect(section="basics")),
            ("what are the main responsibilities of backend?", expect(section="basics")),
            (  # the field asked after names told only as what comes next
                "Before I jump to Node or Python I want understand basics: what backend even "
                "does, what are main responsibilities of it?",
                expect(section="basics"),
            ),
            (  # "read" after "i've" is done, no request for material
                "I've read about backend a bit but I still don't get what the server side "
                "actually does. Can you explain the basic responsibilities of backend?",
                expect(section="basics"),
            ),
            ("whats backend even mean", expect(section="basics")),
            ("what backend technology is a good fit for a chat app?", expect(section=None)),
            ("what does a backend dev need to know", expect(section=None)),
        ],
        "where to start is the overview": [
            ("what should i learn first", expect(intent=Intent.OVERVIEW)),
            ("what should i learn next", expect(intent=Intent.OVERVIEW)),
        ],
        "the roadmap's parts and where to go next are the overview": [
            ("what are the main parts of backend", expect(intent=Intent.OVERVIEW)),
            (
                "I'm a designer moving into tech. What are the big areas of backend I need to"
                " cover?",
                expect(intent=Intent.OVERVIEW),
            ),
            ("I'm new to backend. Where do I start?", expect(intent=Intent.OVERVIEW)),
            ("I finished the languages section. What comes next?", expect(intent=Intent.OVERVIEW)),
            ("give me the big picture", expect(intent=Intent.OVERVIEW)),
        ],
        "parts and next steps of everyday life are not the overview": [
            ("which part of town is best for a cafe", expect(confident=False)),
            ("I finished my homework. What comes next?", expect(confident=False)),
            ("I'm new to the city. Where do I start?", expect(confident=False)),
        ],
        "what to learn next is the path": [
            (
                "I've been doing a Python course in the evenings and finished the basics. "
                "What should I learn next to get into backend?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.OVERVIEW),
            ),
        ],
        "what to learn after a known topic is the path": [
            ("what should i learn after js", expect(intent=Intent.OVERVIEW)),
            ("i know python, what should i learn next", expect(intent=Intent.OVERVIEW)),
            ("what comes after the databases section", expect(intent=Intent.OVERVIEW)),
            # "need to know" asks; "i know" tells
            ("do i need to know linux for backend", expect(outcome=Outcome.NOT_COVERED)),
        ],
        "what next after sentences about something else is not the roadmap": [
            (
                "I'm learning Spanish on Duolingo and kept a 100 day streak. What should I do"
                " next?",
                expect(confident=False),
            ),
            ("what should i do next", expect(intent=Intent.OVERVIEW)),
        ],
        "the asking sentence's request outranks the background's words": [
            (
                "I'm learning to code in the evenings and I've finished an intro Python course."
                " What does the full path to becoming a backend developer look like, step by"
                " step?",
                expect(intent=Intent.OVERVIEW),
            ),
            (
                "I read a book about Flask last month. What could I build with it?",
                expect(intent=Intent.PROJECTS, first=("flask",)),
            ),
        ],
        "what the asking sentence requests wins over job talk and background": [
            (
                "My first job starts soon and they use Go with Gin. I've never used Go. What's"
                " the best way to get started?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, first=("go",)),
            ),
            (
                "best way to get started with docker",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, first=("docker",)),
            ),
            (
                "I work with Django at my job, but I want to understand how Flask differs before"
                " starting a side project. Can you compare the two?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.COMPARE, first=("django", "flask")),
            ),
            (
                "I'm a frontend developer who wants to understand the backend. What are the main"
                " steps I should follow?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.OVERVIEW, first=()),
            ),
            (
                "I built a todo app with Rails. What should I build next to level up?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.PROJECTS, first=("rails",)),
            ),
        ],
        "more ways of asking for material": [
            ("any recs for learning graphql", expect(intent=Intent.RESOURCES)),
            ("teach me sql", expect(intent=Intent.RESOURCES)),
            ("best site to learn php", expect(intent=Intent.RESOURCES)),
        ],
        "the best way to learn is learning material": [
            ("best way to learn sql quick", expect(intent=Intent.RESOURCES)),
            ("good place to learn docker", expect(intent=Intent.RESOURCES)),
            ("does anyone use ruby anymore", expect(outcome=Outcome.ANSWERED)),
        ],
        "material asked for after background is material": [
            (
                "I'm about to start with Docker. Where are the best docs?",
                expect(intent=Intent.RESOURCES, topics=("docker",)),
            ),
            (
                "We host on AWS, but a client insists on Azure for their deployment. What does"
                " Azure offer?",
                expect(outcome=Outcome.ANSWERED, first=("azure",)),
            ),
        ],
        "more ways of asking for material, projects or a comparison": [
            (
                "how do i get into docker",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, topics=("docker",)),
            ),
            (
                "best place to pick up django",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, topics=("django",)),
            ),
            (
                "docker hands-on exercises",
                expect(outcome=Outcome.ANSWERED, intent=Intent.PROJECTS, topics=("docker",)),
            ),
            (  # a kind word before "project" says what the project is about
                "Docker sounds useful for my clients, small shops and clinics. What is a good"
                " practice project to learn it?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.PROJECTS, topics=("docker",)),
            ),
            (
                "express reading list",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, topics=("express",)),
            ),
            (
                "sql cheatsheet",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, topics=("sql",)),
            ),
            (
                "how 2 get gud at sql",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, topics=("sql",)),
            ),
            (
                "somethin to build w express",
                expect(outcome=Outcome.ANSWERED, intent=Intent.PROJECTS, topics=("express",)),
            ),
            (
                "why use graphql over rest",
                expect(outcome=Outcome.ANSWERED, intent=Intent.COMPARE, topics=("graphql", "rest")),
            ),
            (
                "any practice tasks for express",
                expect(outcome=Outcome.ANSWERED, intent=Intent.PROJECTS, topics=("express",)),
            ),
            (
                "mysql and postgres, what sets them apart",
                expect(
                    outcome=Outcome.ANSWERED,
                    intent=Intent.COMPARE,
                    topics=("mysql", "postgresql"),
                ),
            ),
            (
                "can i swap mongodb for couchdb",
                expect(
                    outcome=Outcome.ANSWERED, intent=Intent.COMPARE, topics=("mongodb", "couchdb")
                ),
            ),
            (
                "tell me how docker and ci/cd relate",
                expect(outcome=Outcome.ANSWERED, intent=Intent.COMPARE, topics=("docker", "ci-cd")),
            ),
            (
                "is flask lighter than django",
                expect(outcome=Outcome.ANSWERED, intent=Intent.COMPARE, topics=("flask", "django")),
            ),
        ],
        "build or idea next to a kind asked for is a need": [
            (
                "i have an idea for a banking app, which database should i use",
                expect(intent=Intent.USE_CASE),
            ),
            ("building a marketplace app, what db", expect(intent=Intent.USE_CASE)),
            (
                "what framework should i build my startup's mvp with",
                expect(intent=Intent.USE_CASE),
            ),
            ("project ideas for databases", expect(intent=Intent.PROJECTS)),
            ("what can i build with django", expect(intent=Intent.PROJECTS)),
            ("what can i build to practice backend", expect(intent=Intent.PROJECTS)),
        ],
        "what a name is, asked beside what to build with it, asks about the name": [
            (
                "I did some COBOL years ago. A friend showed me Django and it looked neat. What "
                "is Django exactly, and what could I build with it?",
                expect(intent=Intent.TOPIC, first=("django",)),
            ),
            ("project ideas with django, and what is it", expect(intent=Intent.PROJECTS)),
        ],
        "a good idea is an opinion, not project ideas": [
            ("is microservices a good idea for a small team", expect(intent=Intent.TOPIC)),
            ("project ideas for go", expect(intent=Intent.PROJECTS)),
        ],
        "the idea behind a name is the name, not project ideas": [
            (
                "whats the idea behind ci/cd",
                expect(intent=Intent.TOPIC, first=("ci-cd",)),
            ),
            (
                "we use jenkins at work but i want to get ci/cd in general, whats the idea",
                expect(intent=Intent.TOPIC, first=("ci-cd",)),
            ),
            ("i have no idea what docker is", expect(intent=Intent.TOPIC, first=("docker",))),
            (
                "hello, docker is for what exactly? i not understand this idea of the container,"
                " is like a box?",
                expect(intent=Intent.TOPIC, first=("docker",)),
            ),
        ],
        "the learner's own project is context, not a request": [
            ("is sqlite ok for my side project", expect(intent=Intent.TOPIC)),
            ("is mongodb fine for a school project", expect(intent=Intent.TOPIC)),
            ("project ideas for go", expect(intent=Intent.PROJECTS)),
        ],
        "idioms and own projects are not requests for projects": [
            (
                "We keep everything in MongoDB, but my lead says NoSQL has trade-offs. What are"
                " NoSQL databases and when do they make sense?",
                expect(intent=Intent.TOPIC, first=("nosql",)),
            ),
            (
                "My classmate thinks Flask and Django are interchangeable. I'd like to know what"
                " separates them before choosing one for my first big project.",
                expect(intent=Intent.COMPARE, first=("flask", "django")),
            ),
        ],
        "what to build after a course is projects for what was studied": [
            (
                "I've finished a course on Express and I'd like some practice before applying"
                " for jobs. What could I build to practise?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.PROJECTS, first=("express",)),
            ),
            (
                "I took a Django course last year. What could I build now to practise?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.PROJECTS, first=("django",)),
            ),
            (  # "picked" a name: chosen to learn; "jobs to build" are tasks, no job hunt
                "I'm assistant warden on a reserve out by the Wye, not a computer man by trade."
                " I've picked Python like it says and got the hang of the basics. Could you give"
                " us a few little jobs to build so I can practise on summat real?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.PROJECTS, first=("python",)),
            ),
        ],
        "what to build after background is projects": [
            (
                "I've read the Flask quickstart and built a hello world. I want something bigger"
                " to practise with, maybe with a database. What should I build?",
                expect(intent=Intent.PROJECTS, topics=("flask",)),
            ),
        ],
        "a clause telling what the learner did asks for nothing": [
            (
                "did a flask tutorial, now what should i know abt rest apis",
                expect(intent=Intent.TOPIC, first=("rest",)),
            ),
            (
                "I finished a Laravel crash course and want to build a realistic project next."
                " What would you suggest?",
                expect(intent=Intent.PROJECTS, first=("laravel",)),
            ),
        ],
        "a project asked for beats a kind told in it": [
            (
                "I've done a lot of tutorials but never deployed anything. I want a realistic"
                " deployment project with pipelines and the cloud. What would you suggest?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.PROJECTS, section="deployment"),
            ),
            (
                "aws deployment project",
                expect(
                    outcome=Outcome.ANSWERED,
                    intent=Intent.PROJECTS,
                    section=None,
                    first=("aws",),
                ),
            ),
            (
                "I can write scripts but never made anything that runs on a server. I'd like a"
                " project that shows me how a database, an API and a server fit together. What"
                " would you suggest?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.PROJECTS),
            ),
        ],
        "project ideas asked after everyday talk are projects when a name is studied": [
            (
                "I've got an hour each morning before work. I'd like to practise Go with small"
                " exercises that build up to a real service. Any project ideas?",
                expect(intent=Intent.PROJECTS, first=("go",)),
            ),
            (
                "My kid has a school science fair next week. Any project ideas?",
                expect(confident=False),
            ),
            (
                "I got a new job as a cook. Any exercises for my wrists?",
                expect(confident=False),
            ),
        ],
        "material told as where the learner keeps meeting a name asks for none": [
            (
                "every tutorial uses docker, what is it",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, first=("docker",)),
            ),
            (
                "what even is sql, every course just says write a query and moves on",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, first=("sql",)),
            ),
            ("best tutorial for docker", expect(intent=Intent.RESOURCES, first=("docker",))),
        ],
        "a vps, a cpu, overprovisioning are software talk: a name beside them is technology": [
            ("docker vs a vps", expect(outcome=Outcome.ANSWERED, first=("docker",))),
            ("10 servers cpu 5% bill too high", expect(first=("performance-optimization",))),
        ],
        "a quick start, in two words or one, is learning material": [
            ("sqlite quick start", expect(intent=Intent.RESOURCES, first=("sqlite",))),
            ("sqlite quickstart", expect(intent=Intent.RESOURCES, first=("sqlite",))),
        ],
        "a name asked if it is of a kind is asked what it is, not for another of the kind": [
            (
                "is django a programming language or what",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, first=("django",)),
            ),
            ("is firebase a database?", expect(intent=Intent.TOPIC, first=("firebase",))),
            ("a database for my django app", expect(intent=Intent.USE_CASE)),
        ],
        "a question after a chatty lead-in ('wait', 'yo') still asks, ahead of background": [
            (
                "yo how does docker work. i only did some python and js",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, first=("docker",)),
            ),
        ],
        "a claim someone made about a name, asked if it is true, is about the name": [
            (  # the chatbot told of is the claim's source, not the bot talked to
                "chatgpt told me jwt encrypts the users data so nobody can read it."
                " is that right??",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, first=("jwt",)),
            ),
            (
                "my teacher says docker is a virtual machine, is that true?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, first=("docker",)),
            ),
        ],
        "a project manager is a job, asking for no projects": [
            (
                "The new booking service will be built with Ruby. I'm the project manager and"
                " need to understand what Ruby offers. Could you explain?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, first=("ruby",)),
            ),
            ("project ideas for a project manager learning sql", expect(intent=Intent.PROJECTS)),
        ],
        "a bare 'what do you suggest' asks for the project of the sentence before": [
            (
                "After my Django tutorial I want to make a real project for my CV. What do you"
                " suggest?",
                expect(intent=Intent.PROJECTS, first=("django",)),
            ),
            (
                "I need a project for my CV. What do you suggest?",
                expect(confident=False),
            ),
        ],
        "a bare 'suggestions?' asks for what the sentence before wants": [
            (
                "I finished the SQL course on Khan Academy and can write joins. I want a project"
                " where I design the tables myself. Suggestions?",
                expect(intent=Intent.PROJECTS, topics=("sql",)),
            ),
        ],
        "practice after 'help me' is learning, not the kind asked for": [
            (
                "i've done the sql basics on codecademy, what small project could help me"
                " practice?",
                expect(intent=Intent.PROJECTS, topics=("sql",)),
            ),
            ("which practice stops bots spamming my signup", expect(first=("security",))),
        ],
        "a project that would teach something is projects, not material": [
            (
                "I work shifts and can only study in short bursts. Is there a small project that"
                " would teach me the basics of Docker?",
                expect(intent=Intent.PROJECTS, topics=("docker",)),
            ),
            ("a docker project and a tutorial", expect(intent=Intent.RESOURCES)),
        ],
        "a comparison alias in a question is that comparison": [
            (
                "which cloud provider should i use",
                expect(intent=Intent.COMPARE, topic_set={"aws", "azure", "gcp"}),
            ),
        ],
        "'v' between two names is 'vs'": [
            ("flask v django for a school club", expect(intent=Intent.COMPARE)),
        ],
        "'is only me using it' tells who, asks nothing: the question before it is asked": [
            (
                "sqlite vs postgres for my app of orders of the paninoteca? is only me using it"
                " on one pc in the back",
                expect(intent=Intent.COMPARE, topic_set={"sqlite", "postgresql"}),
            ),
        ],
        "a comparison of three": [
            (
                "aws vs azure vs gcp",
                expect(intent=Intent.COMPARE, topic_set={"aws", "azure", "gcp"}),
            ),
        ],
        "a name and its own child asked if they are the same are compared": [
            (
                "is ruby the same as rails? my coworker says them like they are the same",
                expect(intent=Intent.COMPARE, topic_set={"ruby", "rails"}),
            ),
        ],
        "a trade word after a comma makes no name the learner's background": [
            (
                "difference between sql and mysql, people mix them up all the time",
                expect(intent=Intent.COMPARE, topic_set={"sql", "mysql"}),
            ),
        ],
        "a name asked to be like another is compared with it": [
            ("is flask like django", expect(intent=Intent.COMPARE, topic_set={"flask", "django"})),
            (  # both names are also words: asked this way, they are each other's context
                "is flask basically a lite django",
                expect(intent=Intent.COMPARE, topic_set={"flask", "django"}),
            ),
        ],
        "replacing is a comparison": [
            (
                "is graphql replacing rest",
                expect(intent=Intent.COMPARE, topic_set={"graphql", "rest"}),
            ),
        ],
        "'it' compared to a name compares with the one before": [
            (
                "My manager wants us to look at GraphQL because the mobile team fetches too much."
                " What does it solve compared to REST?",
                expect(intent=Intent.COMPARE, topic_set={"graphql", "rest"}),
            ),
        ],
        "what is different after two names told apart compares them": [
            (
                "I've used Express for a few small APIs. Everyone on Reddit says NestJS is better"
                " for big apps. What's actually different?",
                expect(intent=Intent.COMPARE, topic_set={"express", "nestjs"}),
            ),
        ],
        "pros and cons of each compares the two told before": [
            (
                "My boss read a blog post and now wants to split our Laravel monolith into "
                "microservices. I'm not convinced. What are the real pros and cons of each?",
                expect(intent=Intent.COMPARE, topic_set={"monolith", "microservices"}),
            ),
            ("pros and cons of docker", expect(topics=("docker",))),
        ],
        "going relational or nosql compares the two kinds of database": [
            (
                "I have to design the data layer for a logistics startup: orders, trucks,"
                " drivers, routes. Should I go relational or NoSQL, and what's the difference in"
                " practice?",
                expect(intent=Intent.COMPARE, topic_set={"sql", "nosql"}),
            ),
        ],
        "two names set against each other are compared": [
            ("is go faster than python", expect(intent=Intent.COMPARE, topics=("go", "python"))),
            (
                "should i pick ruby over python",
                expect(intent=Intent.COMPARE, topics=("ruby", "python")),
            ),
        ],
        "two names set against each other with a word between are compared": [
            (
                "My friend says Gin is faster than Express. Is that true, and how do they differ?",
                expect(intent=Intent.COMPARE, topics=("gin", "express")),
            ),
        ],
        "is x basically y compares them": [
            (
                "is mysql basically postgres",
                expect(intent=Intent.COMPARE, topics=("mysql", "postgresql")),
            ),
        ],
        "'they' point at two names of one kind told together": [
            (
                "Our hosting plan comes with MySQL and PostgreSQL for Node. How do they differ?",
                expect(intent=Intent.COMPARE, topics=("mysql", "postgresql")),
            ),
            (
                "I have been reading about Django and Flask. Are they the same thing?",
                expect(intent=Intent.COMPARE, topics=("django", "flask")),
            ),
        ],
        "a learning path for a topic is its material; for the field, the whole path": [
            ("laravel learning path", expect(intent=Intent.RESOURCES, topics=("laravel",))),
            ("azure learning path", expect(intent=Intent.RESOURCES, topics=("azure",))),
            ("backend learning path", expect(intent=Intent.OVERVIEW, confident=True)),
        ],
        "an everyday word naming the learner's job is no sign of the everyday sense": [
            (
                "I'm a lab technician. What projects would you suggest for practising Flask?",
                expect(intent=Intent.PROJECTS, topics=("flask",)),
            ),
            ("my son needs a conical flask for the lab, where to buy", expect(confident=False)),
        ],
        "a word saying what kind of software follows is no sign of the everyday sense": [
            (
                "used unity n c# for game jams, now wanna write a game server in go. what is go "
                "good at",
                expect(confident=True, intent=Intent.TOPIC, topics=("go",)),
            ),
            (
                "go board game night at the cafe, any good game apps for scoring?",
                expect(confident=False),
            ),
        ],
        "a monolith described in everyday words is named": [
            (
                "our scanner system is one big app. I've been reading about microservices. Would "
                "it be better if it was split up, or is one big app fine for a small team?",
                expect(intent=Intent.COMPARE, topics=("microservices", "monolith")),
            ),
            (
                "There are just two of us building a booking app for a local climbing gym. One"
                " friend says we should do separate services from day one so it scales; I think"
                " that's overkill. Single app or microservices, who's right?",
                expect(intent=Intent.COMPARE, topic_set={"monolith", "microservices"}),
            ),
        ],
        "a name said as it sounds, and the everyday word it also is": [
            ("sequel project ideas for beginners", expect(intent=Intent.PROJECTS, topics=("sql",))),
            ("sequel versus no sequel", expect(intent=Intent.COMPARE, topics=("sql", "nosql"))),
            ("when does the sequel to dune come out", expect(confident=False)),
        ],
        "a broad name stands for its topic only where the message names nothing else": [
            (
                "is mongodb a server or a database? and is it better than postgres",
                expect(intent=Intent.COMPARE, topics=("mongodb", "postgresql")),
            ),
            (
                "frontend react dev here, nodejs is just js on the server right?",
                expect(intent=Intent.TOPIC, topics=("javascript",)),
            ),
            ("what is a server", expect(intent=Intent.TOPIC, topics=("hosting-environment",))),
            ("how do servers work", expect(intent=Intent.TOPIC, topics=("hosting-environment",))),
            (
                "server network and hosting environment explained",
                expect(intent=Intent.TOPIC, topics=("hosting-environment",)),
            ),
        ],
        "what the learner works with is the setting of asking what a topic is": [
            (
                "can you explain what docker is, our team uses jenkins and ansible for everything",
                expect(intent=Intent.TOPIC, topics=("docker",)),
            ),
            ("what is kafka, we use docker", expect(outcome=Outcome.NOT_COVERED)),
            (  # Kafka's own words confirm it among words foreign to the roadmap
                "kafka topic retention settings",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            ("kafka for pallet scan events", expect(outcome=Outcome.NOT_COVERED)),
            (
                "my boss says mongodb is better than postgres for logs, what is mongodb",
                expect(intent=Intent.TOPIC, topics=("mongodb",)),
            ),
            (  # "they" is the team; "it" the one name that is no background
                "I build frontends using Angular and RxJS. Our backend team keeps talking about "
                "GraphQL. What is it and why do they like it?",
                expect(intent=Intent.TOPIC, topics=("graphql",)),
            ),
        ],
        "what the learner does all day or at work is where they come from": [
            (
                "i do embedded c all day, give me the whole roadmap in short",
                expect(intent=Intent.OVERVIEW),
            ),
            (
                "i do angular at work, is express worth learning",
                expect(intent=Intent.TOPIC, topics=("express",)),
            ),
            ("can i do kotlin on the backend", expect(outcome=Outcome.NOT_COVERED)),
            (
                "java dev on spring boot, gin basics",
                expect(intent=Intent.TOPIC, topics=("gin",)),
            ),
            ("php at work, rails explained", expect(intent=Intent.TOPIC, topics=("rails",))),
            ("java at work, is go worth learning", expect(intent=Intent.TOPIC, topics=("go",))),
        ],
        "a name after the comparing word is compared, whatever the question asks after it": [
            ("graphql vs trpc whats the deal", expect(outcome=Outcome.NOT_COVERED)),
            ("python vs elixir, what is the deal", expect(outcome=Outcome.NOT_COVERED)),
            (
                "what is postgresql good at compared to what i know",
                expect(intent=Intent.TOPIC, topics=("postgresql",)),
            ),
        ],
        "a kind word just after technology the roadmap lacks says what it is": [
            ("quarkus java framework any good", expect(outcome=Outcome.NOT_COVERED)),
            (
                "which python framework like fastapi",
                expect(intent=Intent.USE_CASE, first=("django", "flask")),
            ),
        ],
        "a place 'outside' a town or called 'home' is no sign of go's everyday sense": [
            (
                "I run the ticket booth at a haunted attraction outside Scranton and I'm learning"
                " to code in the slow months after Halloween. A buddy of mine swears by Python,"
                " another guy at Gerrity's says Go is the future, ya know. Which one of them"
                " should I start with and why?",
                expect(intent=Intent.COMPARE, topic_set={"python", "go"}),
            ),
            ("i should go outside and touch grass", expect(outcome=Outcome.REFUSED)),
            (  # nor a town called Home
                "Grew up around the mill in Sweet Home, now I do hatchery work. Took a community"
                " college class in Java and another in PHP, neither one stuck. A buddy at the"
                " tribe's fisheries office says everything he builds is Go now. What's Go actually"
                " used for, like out in the real world?",
                expect(intent=Intent.TOPIC, topics=("go",)),
            ),
            ("can i go home now?", expect(outcome=Outcome.REFUSED)),
        ],
        "a name typed in capitals in a sentence that is not is a sign of the name": [
            (
                "I've been using Postman to poke at our courier firm's delivery API on me dockey"
                " break and had a go with curl too. Everyone at the depot keeps chucking the word"
                " REST about. What does REST actually mean?",
                expect(intent=Intent.TOPIC, topics=("rest",)),
            ),
            (  # a sign weighed, not the decision: capitals for emphasis
                "bro i need REST fr, been grinding leetcode since 8am my eyes hurt",
                expect(outcome=Outcome.REFUSED),
            ),
        ],
        "a name for a noob, as for a beginner, is the name to start with": [
            (
                "sql for a complete noob, where do i even start",
                expect(intent=Intent.TOPIC, topics=("sql",)),
            ),
        ],
        "a name told as what to learn, in German too ('lernen'), is the name": [
            ("docker lernen, good resources?", expect(intent=Intent.RESOURCES, topics=("docker",))),
        ],
        "courtesy alone (a sentence or a closing phrase) is no sign of an everyday sense": [
            (
                "any good tutorials for express? thanks in advance",
                expect(intent=Intent.RESOURCES, topics=("express",)),
            ),
            (
                "any gud tutorials 4 express?? free ones pls, thanks in advance",
                expect(intent=Intent.RESOURCES, topics=("express",)),
            ),
        ],
        "a greeting word told as a time ('the next morning') is no small talk": [
            (
                "Hello. Our website went down last night and a customer told us the next morning."
                " How do we hear about it first next time? Thanks in advance!",
                expect(intent=Intent.USE_CASE, first=("monitoring",)),
            ),
        ],
        "what the roadmap teaches is what it covers, not a request for material": [
            (
                "which databases does this roadmap teach for backend",
                expect(intent=Intent.TOPIC, section="databases"),
            ),
        ],
        "the steps asked with 'it' pointing at the roadmap named just before: the overview": [
            (
                "I'm 40 and want to move into backend. I keep seeing this roadmap mentioned. Can"
                " you walk me through what it covers, the big stages?",
                expect(intent=Intent.OVERVIEW),
            ),
        ],
        "a talk word after 'till', 'until', 'by' or 'my' is a plain word, no greeting": [
            (
                "i can only study in my evenings. what does this roadmap cover?",
                expect(intent=Intent.OVERVIEW),
            ),
            (
                "my discord bot died at 3am and nobody noticed till morning. how do i get told"
                " right away?",
                expect(intent=Intent.USE_CASE, first=("monitoring",)),
            ),
        ],
        "'it' points at the topic told before it, not a step's word beside it": [
            (
                "kotlin dev here, android only. our api uses jwt and i wanna understand it, how"
                " does it work",
                expect(intent=Intent.TOPIC, topics=("jwt",)),
            ),
            (
                "Our lead wants to move the API to GraphQL this year and I want to understand it"
                " first. What is it, briefly?",
                expect(intent=Intent.TOPIC, topics=("graphql",)),
            ),
            (
                "I've heard Laravel makes PHP pleasant to write. What is it, and is it a good next"
                " step for someone who already knows a bit of PHP?",
                expect(intent=Intent.TOPIC, topics=("laravel",)),
            ),
        ],
        "a language the roadmap lacks right before a framework only says what it is in": [
            (
                "typescript nestjs crash course",
                expect(outcome=Outcome.ANSWERED, topics=("nestjs",)),
            ),
            (
                "kotlin spring boot basics",
                expect(outcome=Outcome.ANSWERED, topics=("spring-boot",)),
            ),
            ("typescript or nestjs", expect(outcome=Outcome.NOT_COVERED)),
        ],
        "an outside word a use case names is part of the need, not another subject": [
            (
                "telegram bot goes offline whenever my pc sleeps",
                expect(intent=Intent.USE_CASE, first=("hosting-environment",)),
            ),
            ("should i buy a new pc for coding", expect(outcome=Outcome.REFUSED)),
        ],
        "a 'which' among names of a kind, some not covered, says what is not covered": [
            ("django or fastapi?? which one", expect(outcome=Outcome.NOT_COVERED)),
            (
                "My team lead says RabbitMQ, a friend says Kafka. Which one should I pick for"
                " the email queue?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        "'they' the people, 'it' the one name that is no background": [
            (
                "I teach a coding club. We have done basic Python and now I want the kids to store"
                " their scores in SQLite. What could they build with it?",
                expect(intent=Intent.PROJECTS, topics=("sqlite",)),
            ),
        ],
        "a name its sentence points back to, to learn it, is the technology": [
            (
                "my friend says ruby is dead in 2024, is it still worth learning",
                expect(intent=Intent.TOPIC, topics=("ruby",)),
            ),
        ],
        "a chat opener before 'is' still sets two names side by side": [
            (
                "ngl is postgres basically just mysql but fancier",
                expect(intent=Intent.COMPARE, topics=("postgresql", "mysql")),
            ),
            (
                "lol is nestjs basically express",
                expect(intent=Intent.COMPARE, topics=("nestjs", "express")),
            ),
        ],
        "asked if technology the roadmap lacks is in it: not covered; a part pointed at is not": [
            (
                "someone said I should learn HL7. Is that part of this roadmap?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (
                "I always deployed with Netlify by dragging a folder. Now everyone talks about"
                " servers, DNS and hosting. What does that part of the roadmap cover?",
                expect(outcome=Outcome.ANSWERED, topics=("hosting-environment",)),
            ),
        ],
        "a closing courtesy is not what is asked, nor does a greeting around make it talk": [
            (
                "Hello. My company uses MySQL and we are thinking about PostgreSQL, what are the"
                " differences. Please help me.",
                expect(intent=Intent.COMPARE, topics=("mysql", "postgresql")),
            ),
            (
                "Hello. Our team runs MongoDB and my boss prefers PostgreSQL. I have to tell him"
                " what are the differences. Please help me.",
                expect(intent=Intent.COMPARE, topics=("mongodb", "postgresql")),
            ),
        ],
        "logging someone in is no logging; logging in a named framework is": [
            ("a project for logging users in with tokens", expect(topics=())),
            ("logging in with google", expect(topics=())),
            ("set up logging in express", expect(topic_set={"monitoring", "express"})),
        ],
        "the path asked after telling technology the roadmap lacks is to be learnt is its path": [
            (
                "My new team writes Elixir and I've been told to learn Elixir this month. Where do"
                " I start and what's the learning path?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (
                "I'm learning Kotlin at work. What's the big picture of this roadmap?",
                expect(intent=Intent.OVERVIEW),
            ),
        ],
        "a language right beside its own framework only says what the framework is made in": [
            ("gin gonic golang what is it", expect(intent=Intent.TOPIC, topics=("gin",))),
            ("express nodejs what is it", expect(intent=Intent.TOPIC, topics=("express",))),
            ("python django intro", expect(intent=Intent.TOPIC, topics=("django",))),
        ],
        "a getting started guide is material": [
            ("rails getting started guide", expect(intent=Intent.RESOURCES, topics=("rails",))),
        ],
        "Go's channels are the language's, YouTube channels are material": [
            ("goroutines and channels explained", expect(intent=Intent.TOPIC, topics=("go",))),
            ("best youtube channels for go", expect(intent=Intent.RESOURCES, topics=("go",))),
        ],
        "a choice someone made ('pick it') compares nothing": [
            (
                "we did mysql in college, now my boss wants postgres. what is postgresql good at"
                " that made them pick it",
                expect(intent=Intent.TOPIC, first=("postgresql",)),
            ),
            ("mysql or postgres, which should i pick", expect(intent=Intent.COMPARE)),
        ],
        "a name then 'what is it' asks what that name is, whatever follows": [
            (
                "nestjs what is it, is framework for node?",
                expect(intent=Intent.TOPIC, topics=("nestjs",)),
            ),
            (
                "i use node, nestjs whats it, is it framework?",
                expect(intent=Intent.TOPIC, topics=("nestjs",)),
            ),
        ],
        "'itself' sets one name apart from what is built with it": [
            (
                "did a bit of java at varsity ages ago, now they want me on spring boot... but is"
                " java itself still worth it or is it dying bru",
                expect(intent=Intent.TOPIC, topics=("java",)),
            ),
            (  # a kind set apart is the one told before, not a new subject
                "I've used Supabase for everything so far and apparently it's Postgres"
                " underneath. Now I want to understand the database itself. What is PostgreSQL"
                " good at?",
                expect(intent=Intent.TOPIC, topics=("postgresql",)),
            ),
            (  # "not ... itself" sets it aside
                "The council's IT lads use Jenkins for the bus lane camera software and they keep"
                " saying 'the pipeline broke'. I'm trying to learn the general idea, not Jenkins"
                " itself. What is CI/CD and why bother with it?",
                expect(intent=Intent.TOPIC, topics=("ci-cd",)),
            ),
        ],
        "'what's the go with' is an idiom (what about), and names nothing": [
            (
                "chur, whats the go with svelte, any good for the backend side of things?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            ("what's the go with docker", expect(intent=Intent.TOPIC, topics=("docker",))),
        ],
        "two peers of a kind opening the message are weighed, what follows is the setting": [
            (  # the puppet theatre's app: technology the roadmap lacks, but not one compared
                "rest or graphql, puppet ticket app",
                expect(intent=Intent.COMPARE, topics=("rest", "graphql")),
            ),
            (
                "monolith microservices 3 person team",
                expect(intent=Intent.COMPARE, topics=("monolith", "microservices")),
            ),
            (
                "aws azure gcp for a seed stage startup",
                expect(intent=Intent.COMPARE, topics=("aws", "azure", "gcp")),
            ),
            ("gin go basics", expect(intent=Intent.TOPIC, topics=("gin",))),
        ],
        "'how i go ...' is going to do something, in English and in pidgin": [
            (
                "how I go put Sentry inside my app for catch the errors dem",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            ("how i go learn golang", expect(intent=Intent.RESOURCES, topics=("go",))),
            (  # Krio "ar" is "I"
                "una padi dem, express an nestjs na di same ting? which one ar go learn fos",
                expect(intent=Intent.COMPARE, topics=("express", "nestjs")),
            ),
        ],
        "a step's examples closed by 'that lot' or 'and so on' are the step's": [
            (
                "any gud docs or tutorials for the database section, mysql mongo that lot",
                expect(intent=Intent.RESOURCES, section="databases"),
            ),
        ],
        "the one name someone recommended is what 'it' asks about": [
            (
                "i run plex and sonarr in containers and someone said gin is nice for writing"
                " your own little go api, whats it about",
                expect(intent=Intent.TOPIC, topics=("gin",)),
            ),
            (  # unless another is named after it
                "my bootcamp did express but now i want python. friend said fastapi but what"
                " about flask, what's it for",
                expect(intent=Intent.TOPIC, topics=("flask",)),
            ),
        ],
        "'which one' picks among the two told before, unless they are the learner's own": [
            (
                "I'm trying to build a side project that shows where our trucks are during a"
                " call. Everyone online says Go is way faster than Java but I honestly can't tell"
                " if that's just hype. Which one makes more sense for something like this, eh?",
                expect(intent=Intent.COMPARE, topics=("go", "java")),
            ),
            (
                "Two offers on the table: a Go startup and a Java team at a bank. The bank pays"
                " 15% more but the startup people seemed nicer in the interviews. Which one"
                " should I accept?",
                expect(outcome=Outcome.REFUSED),
            ),
        ],
        "'go into it', 'go through it' are verbs, and storing confirms a database's sense": [
            (
                "the sysadmins lived by Ansible playbooks. Is Ansible something a backend"
                " developer actually needs, and does your roadmap go into it at all?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (
                "cassandra for storing millions of radar returns",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        "'the roadmap go into', 'i go learn', pidgin 'wetin', 'di', 'ting': the verb 'go'": [
            (
                "does the roadmap go into wordpress",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            ("wetin be di first ting i go learn for backend", expect(intent=Intent.OVERVIEW)),
            (
                "Where would a fella even start on this roadmap, what order does it go in?",
                expect(intent=Intent.OVERVIEW),
            ),
            (
                "me nephew de use React for him work but e say make I learn Node first before"
                " anyting. wetin node de do for backend sef?",
                expect(intent=Intent.TOPIC, topics=("javascript",)),
            ),
        ],
        "a possessive of a short name is the name ('go's'), dialect 'fer', 'wheer', 'owt'": [
            ("is Go's concurrency worth it for a beginner?", expect(topics=("go",))),
            ("what are go's strengths", expect(intent=Intent.TOPIC, topics=("go",))),
            ("is there owt in here aboot docker", expect(topics=("docker",))),
        ],
        "'break that down' and 'not following' ask for an explanation, no need": [
            (
                "The roadmap got this application logic piece under the basics and I'm not"
                " following what falls under it versus everything else. Can somebody break that"
                " down for me?",
                expect(intent=Intent.TOPIC, topics=("application-logic",)),
            ),
        ],
        "technology the roadmap lacks opening a message 'for' a need, or asked if taught": [
            ("kafka for boat booking system", expect(outcome=Outcome.NOT_COVERED)),
            ("kafka for newspaper delivery events", expect(outcome=Outcome.NOT_COVERED)),
            ("stripe for gyro shop online payments", expect(outcome=Outcome.NOT_COVERED)),
            (
                "yinz cover stripe? wanna take deposits on bounce house rentals so people quit"
                " flakin on me",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (
                "do you cover stripe? wanna take deposits on bounce house rentals",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (  # "on here": in this roadmap
                "is kafka on here at all bor? the port lot use it for trackin the ships",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        "a name right after 'uses' is a thing used: software": [
            (
                "our team uses jenkins for everything, is it still good in 2026 or dead",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        "a need told around technology the roadmap lacks, among the topics it is related to": [
            (
                "replace excel herd spreadsheet with proper database",
                expect(intent=Intent.USE_CASE, first=("sql",)),
            ),
            (
                "i spend the whole day copy pasting between excel files at work, want to automate"
                " it, what should i learn",
                expect(intent=Intent.USE_CASE, first=("python",)),
            ),
            (
                "how do i make a pivot table in excel",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        "technology the roadmap lacks, told with words of its own ('stream' for kafka)": [
            (
                "At the sugar factory they stream every weighbridge reading through Kafka, and our"
                " haulage firm is meant to plug into it for the new season. I've never touched"
                " Kafka in my life. How does it work and where do I start with it?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            ("icecast server setup student radio", expect(outcome=Outcome.NOT_COVERED)),
        ],
        "technology the roadmap lacks, asked if it is like a roadmap name 'but with' another": [
            (
                "anyone tried supabase? is it like firebase but with sql underneath",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (  # a roadmap name so likened is compared
                "is flask like django but smaller",
                expect(intent=Intent.COMPARE, topics=("flask", "django")),
            ),
        ],
        "a reflexive after a name that is also a word makes it a verb ('express myself')": [
            (
                "I studied C++ a little in the university, now I learn Node by myself."
                " Everybody say use Express with it. What is Express exactly and why all people use"
                " it?",
                expect(intent=Intent.TOPIC, topics=("express",)),
            ),
            (
                "i'm a junior dev and i can't express myself in meetings",
                expect(confident=False),
            ),
        ],
        "the one name someone mentioned, asked 'what's it good for' in a part of the question": [
            (
                "I've been running the choir rosters off Google Sheets and a bit of Apps Script for"
                " years. Now I'm learning Python properly and someone at work mentioned Django."
                " What's it actually good for, compared to just writing scripts?",
                expect(intent=Intent.TOPIC, topics=("django",)),
            ),
            (  # "which one" picks between the two
                "I'm building a side project that shows where our trucks are during a call."
                " Everyone online says Go is way faster than Java but I can't tell if that's just"
                " hype. Which one makes more sense for something like this, eh?",
                expect(intent=Intent.COMPARE, topics=("go", "java")),
            ),
        ],
        "reading on a name makes it what is read; 'pluses and minuses' compare": [
            (
                "ey up, any good stuff to read on docker?",
                expect(intent=Intent.RESOURCES, topics=("docker",)),
            ),
            (
                "One group want microservices, other group say monolith is fine. What are pluses"
                " and minuses of each?",
                expect(intent=Intent.COMPARE, topics=("microservices", "monolith")),
            ),
        ],
        "'i should go' closing a sentence is the verb; 'orale' is no misspelt Oracle": [
            (
                "Now I come to part about deployment and devops and I am little lost, which topics"
                " is inside this part and in which order I should go?",
                expect(intent=Intent.TOPIC, section="deployment"),
            ),
            (
                "orale so im on the apis and microservices part now, what do i learn first in"
                " there",
                expect(intent=Intent.TOPIC, section="apis"),
            ),
        ],
        "a greeting or 'later' in a message asking of what it told is no small talk": [
            (  # a question of stop words only asks about the need told before it
                "bonjour, in our cabinet d'optique the patients forget always the rendez-vous. i"
                " want that the system send them one SMS the day before, automatic. how i can do"
                " this?",
                expect(intent=Intent.USE_CASE),
            ),
            (  # "and later" is a time, not a goodbye
                "I am optometrist in Ludhiana and making a website for my clinic, and later maybe"
                " an app also. One friend told Python with Django, other friend told JavaScript"
                " with Node only is the best. For me who knows neither one, which I should learn"
                " first?",
                expect(intent=Intent.COMPARE, topics=("python", "javascript")),
            ),
        ],
        "'after' tells when a need happened, not what comes next; 'burn out' is no need": [
            (
                "my queries got slow after the table hit 10 million rows, what do i learn",
                expect(intent=Intent.USE_CASE, first=("performance-optimization",)),
            ),
            (
                "is it normal to burn out after 3 months of learning to code",
                expect(outcome=Outcome.REFUSED),
            ),
        ],
        "'from top to bottom' asks for the whole path": [
            (
                "our lass's lad reckons I should have a go at this backend stuff of an evening."
                " Where do I even start, like? What's the whole thing look like from top to"
                " bottom?",
                expect(intent=Intent.OVERVIEW),
            ),
        ],
        "'what is this', 'whats dis' before a name ask what it is": [
            (  # an everyday word whose nature is asked, called a "thing"
                "wots this monolith thing then, lads on t forum keep sayin start wi one",
                expect(intent=Intent.TOPIC, topics=("monolith",)),
            ),
            (  # ... or followed by who talks of it
                "sebo am sorting parcels at posta uganda night shift, what is this docker they are"
                " talking about in the group eh",
                expect(intent=Intent.TOPIC, topics=("docker",)),
            ),
            (  # "the deal with" asks what it is
                "whats the deal with docker anyways b'y, everyone on youtube's goin on about it"
                " like its the second coming",
                expect(topics=("docker",)),
            ),
            (  # ... or with an article between
                "bro wat even is a monolith, my lead keeps saying 'we r a monolith' like its a"
                " bad word",
                expect(intent=Intent.TOPIC, topics=("monolith",)),
            ),
            (
                "mais whats dis redis, folks say it make stuff go fast",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        "British 'wot', and 'then' closing a 'what is' question": [
            (
                "wots kafka then? bloke at work keeps on about it for trackin the boxes round the"
                " terminal",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        "'or' in other languages mixed into English sets names side by side ('ou', 'o', 'of')": [
            (
                "rest ou graphql pra um app mobile?",
                expect(intent=Intent.COMPARE, topics=("rest", "graphql")),
            ),
            (  # Italian, Spanish and Tagalog "o" between two names
                "express o nestjs per iniziare",
                expect(intent=Intent.COMPARE, topics=("express", "nestjs")),
            ),
            (  # Moroccan Darija "wla"; "faster" only says how the two are weighed
                "go wla java for backend khoya, which one faster to learn for me",
                expect(intent=Intent.COMPARE, topics=("go", "java")),
            ),
            (  # Bengali "na"
                "mysql na postgres konta bhalo",
                expect(intent=Intent.COMPARE, topics=("mysql", "postgresql")),
            ),
            (  # a word of address says nothing ("walaal", brother, in Somali)
                "sql and nosql what is different walaal? i confuse too much",
                expect(intent=Intent.COMPARE, topics=("sql", "nosql")),
            ),
            (  # German "oder"
                "Django oder Flask for small shop website",
                expect(intent=Intent.COMPARE, topics=("django", "flask")),
            ),
            (  # Russian "или"
                "laravel или rails",
                expect(intent=Intent.COMPARE, topics=("laravel", "rails")),
            ),
            (  # Swahili "ama"
                "sawa so for my therapy booking site ni laravel ama rails? i have small php from"
                " campus days",
                expect(intent=Intent.COMPARE, topics=("laravel", "rails")),
            ),
            (  # Dutch "of", Yoruba and pidgin "abi"
                "sqlite of postgres for small stall app",
                expect(intent=Intent.COMPARE, topics=("sqlite", "postgresql")),
            ),
            (
                "php abi python for quick laundry website",
                expect(intent=Intent.COMPARE, topics=("php", "python")),
            ),
            ("django eða flask", expect(intent=Intent.COMPARE, topics=("django", "flask"))),
            (  # Polish "czy"
                "sqlite czy postgres one user app",
                expect(intent=Intent.COMPARE, topics=("sqlite", "postgresql")),
            ),
            (  # Swahili "tofauti"
                "Msee mmoja anasema tuweke MongoDB, mwingine anasema Postgres ndio fiti. Mimi sijui"
                " tofauti yao.",
                expect(intent=Intent.COMPARE, topics=("mongodb", "postgresql")),
            ),
            (  # Mauritian Creole "diferans"
                "django ek flask, ki diferans? mo pe hesite",
                expect(intent=Intent.COMPARE, topics=("django", "flask")),
            ),
            (  # Vietnamese "hay", Indonesian "sama" and "bedanya"
                "monolith hay microservices newbie",
                expect(intent=Intent.COMPARE, topics=("monolith", "microservices")),
            ),
            (
                "bro express sama nestjs bedanya apa sih, aku bingung mau pake yg mana",
                expect(intent=Intent.COMPARE, topics=("express", "nestjs")),
            ),
        ],
        "a name a word or two before its sentence ends, asked about in the next sentence": [
            (
                "i am fed up with docker today. what's it actually for?",
                expect(intent=Intent.TOPIC, topics=("docker",), confident=True),
            ),
            (
                "och am fair scunnered wi docker the day. whit's it actually for?",
                expect(intent=Intent.TOPIC, topics=("docker",), confident=True),
            ),
        ],
        "two names of one kind side by side are each other's context": [
            (
                "which is better for a bank, java or python",
                expect(intent=Intent.COMPARE, topics=("java", "python")),
            ),
            ("a trip to java and bali, or go straight to bali?", expect(confident=False)),
        ],
        "two names of one kind as the whole first sentence are weighed, what follows the setting": [
            (
                "mysql or postgres? in my job the boss say mysql is enough, is true?",
                expect(intent=Intent.COMPARE, topics=("mysql", "postgresql")),
            ),
        ],
        "'it' before the roadmap's name in the question points back at technology it lacks": [
            (
                "what is this mqtt that the new smart aircons use? can i learn it in this roadmap?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (  # "this is", "is this" too
                "my friend say flutter is good for make dog walking app. this is in roadmap?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (  # not "this" before the roadmap's name
                "I know some PowerShell from work. Can you give me the big picture of this backend"
                " roadmap and the order to go through it?",
                expect(intent=Intent.OVERVIEW),
            ),
            (  # "it" after the roadmap is the roadmap
                "I'm looking at this roadmap as a dotnet dev. can you give me the big picture of"
                " what's on it?",
                expect(intent=Intent.OVERVIEW),
            ),
            (  # "this backend roadmap", and "it" after it in the sentence, are the roadmap
                "I work in the city park service and want to change career. What this backend"
                " roadmap contains from beginning to end, which big parts it has?",
                expect(intent=Intent.OVERVIEW),
            ),
        ],
    }
)


@pytest.mark.parametrize(("question", "expected"), _ASKING)
def test_what_a_message_asks_for(
    answerer: QuestionAnswerer, question: str, expected: dict[str, object]
) -> None:
    assert aspects_of(answerer.understand(question), expected) == expected


def test_an_everyday_sense_is_denied_only_just_after_the_name(answerer: QuestionAnswerer) -> None:
    finder = answerer.name_finder

    def everyday(text: str) -> tuple[str, ...]:
        return finder.find(finder.spell(split_message(text))).everyday

    assert "flask" not in everyday("which flask do i use? not the lab one")
    far = "which flask should i buy for the shelf in my kitchen, honestly i am not a lab person"
    assert "flask" in everyday(far)  # "not a lab person" says something else
    assert "monolith" not in everyday("what is a monolith in backend? ion mean the big rock")
    assert "monolith" not in everyday("what is a monolith in backend, i don't mean the big rock")
    assert "monolith" in everyday("what is a monolith in backend, i mean the big rock")


def test_another_form_of_a_common_word_is_no_misspelt_name(answerer: QuestionAnswerer) -> None:
    finder = answerer.name_finder

    def named(text: str) -> list[str]:
        return [m.name for m in finder.find(finder.spell(split_message(text))).kept]

    assert named("im not texting im driving, my sequel or post gress?") == [
        "my sequel",
        "postgress",
    ]  # "texting" is no misspelt Testing
    assert named("our completion handlers are a mess") == []  # nor "handlers" Handlebars
    assert named("handelbars templates") == ["handlebars"]  # a misspelling is still one


def test_english_words_that_are_names_are_not_mistaken(answerer: QuestionAnswerer) -> None:
    assert answerer.understand("where should i go next").intent is not Intent.TOPIC
    assert answerer.understand("go vs java").topic_ids[:2] == ("go", "java")
    # a person just before it and a way on after it: the verb ("where do i go from here")
    for verb in (
        "i know python basics, where do i go from here for backend",
        "What does the backend do? We'd like the basics before we go any further.",
    ):
        assert "go" not in answerer.understand(verb).topic_ids, verb
    assert answerer.understand("is go any good for apis").topic_ids == ("go",)


@pytest.mark.parametrize(
    "question", ["which framework for python", "which python framework should i use"]
)
def test_which_kind_for_a_topic_lists_its_children(
    answerer: QuestionAnswerer, question: str
) -> None:
    understanding = answerer.understand(question)
    assert understanding.intent is Intent.USE_CASE and understanding.parent_id == "python"
    assert understanding.topic_ids == ("django", "flask")


@pytest.mark.parametrize(
    "question",
    [
        *("hi", "thanks!", "what can you do", "hello there", "ur kinda useless tbh", "u suck"),
        *("salamat po sa tulong!!", "diolch yn fawr", "mambo vipi bot, uko poa?"),
        *("dzien dobry, can you speak polish?", "how ye daein the day?", "terima kasih banyak"),
        *("g'day mate hows it goin", "dank je wel", "kalimera", "which person coded you"),
        *("howya lads, anyone home?", "wha happenin bot, yuh real or is a person typin?"),
        *("hows it gaun, first time on here", "ayubowan!", "bot creator?"),
        *("ey up, anyone in?", "aye aye, foo's du da day?", "xin chao, you are AI or human?"),
        *("tanggio tumas!", "how di body padi, you dey fine today?", "talofa"),
        *("malo e lelei", "szia! you are robot or human person?"),
        *("mornin marra, how's tha gannin on?", "sawasdee krub", "multumesc frumos, you helped me"),
        *("awrite pal", "halo bot, kamu AI ya?", "aight y'all, have a good one, I'm gone"),
        "köszönöm szépen, you explained better than my brother-in-law haha",
        *("salam bhai, kemon achen?", "aight mi gone, bless up, likkle more", "alright me lover"),
        *("shoots, pau fo today, a hui hou", "who make you sef? na person dey type or na machine?"),
        *("how's she goin b'y", "tenki tenki, God bless una", "ta-ra then"),
        *("alright bot, you awake or wot", "Muli bwanji! Hope you are fine", "Zikomo kwambiri"),
        *(
            "mm goi sai! very useful",
            "Hei bot",
            "how far bot",
            "hei, what you can do? i ask anything?",
            "tack så mycket",
            "ahoj",
            "todah rabah!!",
            "ki manyer? to bien?",
            "howdy bot, y'all doin alright this mornin?",
            "annyeong bot",
            "cheerio, see ye efter",
            "ta love, that's champion",
            "mahadsanid walaal",
            "ta marra",
            "gude wantok",
            "who made ya? you're pretty handy for a bot",
            "alright my 'ansum, you about?",
            "zdravo svima",
            "namaskaram",
            "sain baina uu bot",
            "ta la, that was dead useful",
            "wha happenin bot, how yuh goin today",
            "bayarlalaa",
            "murakoze cyane",
            "faleminderit shume",
            "barev dzez",
            "ça va cher",
            "eskerrik asko!",
            "Dumela rra",
            "where y'at bot, you woke?",
            "hey cher, who made y'all bot anyhow?",
            "labdien!",
            "ow am ya bab, alright?",
            "right im off, see yous",
            "awright pal, how's it gaun",
            "vinaka vakalevu, moce for now",
            "malo 'aupito",
            "chokran bzaf khoya",
            "mornin oonuh, how e gwine?",
            "Góðan daginn!",
            "tq bot",
            "mahalo nui!",
            "Salibonani bot",
            "Allegra zäme",
            "Ngiyabonga kakhulu, sala kahle",
            "right, I'm off to the yard, fare yew well and dew yew keep a troshin",
        ),
        "Ina kwana sir. I hope you and your family are fine. I am new user in this bot, I greet"
        " you well.",
        "Good evening! I just want to say thank you, your explanations yesterday about databases"
        " were very clear and finally I understood. Have a nice night.",
        "this bot is pure dead brilliant so it is",
        "Before I go askin you things, who made you anyhow? You a real fella typin back at me"
        " or one of them computer brains?",
        "kedu bot",
        "daalụ nwanne, e don clear me now",
        "kea leboha ntate",
        "sala hantle",
        "e ku irole o, how far",
        "reet, am off. tara",
        "g'night, wicked late",
        "Dia dhuit a chara",
        "Slán go fóill",
        "chale how far",
        "ow bist, anybody about?",
        "Nagode sosai, Allah ya saka da alheri",
        "hej hej! is someone here?",
        # phrases are read as messages are: "whats" is "what is", "happenin" is "happening"
        "whats up",
        "what's up bot",
        "wha happenin",
        "Tank yuh plenty fuh all dem answer. Me learn more tonight dan whole week. Me gone go"
        " sleep now cause de cane truck does come fuh we five o'clock.",
        "qui t'a fait, toi? t'es-tu un robot ou y'a quelqu'un qui tape",
        "moi moi",
        "alright me ansum",
        "wey aye bot",
        "sok sabay te bong? how you today",
        "kia orana",
        "meitaki ma'ata",
        "sabaidee",
        "khop jai lai lai",
        "misaotra betsaka, tena nanampy ahy io",
        "selam! endet neh, you are fine today?",
        "who make dis bot sef? na person or na computer?",
        "dehna hun",
        "kalispera",
        "what about ye bot, how's she cuttin",
        "how's ya mama an'em, bot?",
        "nyob zoo",
        "mingalaba",
        "ačiū labai",
        "bohoma sthuthi",
        "gura mie ayd",
        "tenkyu tru",
        "ta bor",
        "blagodarya, mnogo pomogna! chao",
        "mersi mult",
        "mersi bokou",
        "wah gwan, who mek yuh?",
        "Mauri!",
        "fit like, foo's yer doos",
        "galatoomaa",
        "sholem aleichem, is somebody here?",
        "zay gezunt, shoyn going",
        "Dobry dźeń",
        "Demat !",
        "oant sjen, tige tank!",
        "salamatsyzby",
        "adishatz",
        "hwyl for now, off to paint a backdrop",
        "grazia fitg",
        "alright mate, you about?",
        "sau bol",
        "adiosu, a si biri",
        "dilan tan! now i understand much better",
        "hærzbon all",
        "Who's made this bot then? Is there somebody sat there typing the answers or is it all"
        " automatic?",
        "Well I appreciate y'all takin the time with an old bus driver. I'll be back tomorrow"
        " night on my break, I reckon. Take care now.",
        "Howdy. Before I go typing out my whole life story here, am I talking to a real person"
        " or some kinda bot?",
        "bună ziua",
        "bon dia! com va tot?",
        "dakujem pekne",
        "tashakor dear, khuda hafiz, tomorrow i come again",
        "howay, ye there?",
        "mais hey cher, how you doin today?",
        "Quick question before I go on, who made you? You a real person typin or a computer"
        " program? My grandson say it's all AI now, I can't tell no more.",
        "Hi there, I'm Ola from Gdansk. A friend who is learning to code told me about this bot."
        " I don't have a question yet, I just wanted to say hello and see how it works.",
        "agur, bihar arte",
        "tavtapuç, syva pul",
        "slane lhiat",
        "fakaalofa lahi atu",
        "do widzeniô",
        "'ow do",
        "Bur lun!",
        "ta very much, that were dead useful that",
        "buonasera to everybody",
        "ekamawir omo",
        "nais tuke phrala",
        "barkalla bot",
        "dyakuju",
        "mogethin",
        "zor supas",
        "xwa hafiz",
        "ran annim!",
        "Vorchami",
        "kaselehlie",
        "chukhsagul!",
        "now then marra, owt doin in here?",
        "Håfa adai bot",
        "grassie mila, you are very kind",
        "adeu, fins dema",
        "Haumyhygyz",
        "Moitas grazas",
        "howay bot, hoo's it gannin? ye alreet?",
        "halo olketa fren, iu stap gud?",
        "tankiu tumas fren, lukim iu",
        "how ista marra",
        "pryvit all",
        "ka ọ dị, i go come back tomorrow",
        "shot bru, lekker, catch you just now",
        "wha happenin bot",
        "muches gracies! ta llueu",
        "makhtal! now very clear",
        "apinun olgeta! mi nupela long hia",
        "iakwe bot!",
        "kommol tata for all the answers, now i go sleep after my night shift",
        "what up doe",
        "Mandi, bundì!",
        "whataway yu bot! jus got back from ringin da bell fer da ship",
        "bòna ragazzi! cum a stet? just come down from the flight",
        "who made yer? me mate in the band reckons its some lad from liverpool",
        "ey bala, yu orait?",
        "eso mina bot, yawo",
        "Mālō te ma'uli! first time I use this bot",
        "Ezen! byyan bolzyn",
        "ey up duck, just finished me shift on the locks, you alright?",
        "bon di! come la va?",
        "whos the guy that built this thing",
        "Salam aleykum brother, everything good by you?",
        "Bona die! Ite mi contas?",
        "kóp raxmet",
        "howay bot, y'alreet?",
        "bun di, who made this bot?",
        "dilan, a s'udëi",
        "good marnin",
        "Ow is you today?",
        "thought i'd say ta for all the answers this week",
        "tapadh leat a charaid",
        "hoi toide buck! how ye doin this mornin",
        "what are ya at b'y",
        "buonanotte bot",
        "Dorova!",
        "ta pet",
        "howay bot, hoo ye deein the day?",
        "whe made this bot",
        "bon dia bot, kon ta bai?",
        "How yu di do, bot?",
        "gud maanin fren, how yu du",
        "howay, how ye gannin the day?",
        "quyanaa",
        "dorooboo bot",
        "hau kola! just found this bot",
        "salude! you speak italian or only english?",
        "right dat's me awa hame fir me tea, see dee efter",
        "quyanaqvaa",
        "whae made thee? some peedie laddie in a bedroom?",
        "aye aye buddo, hoo's hid gaan the day?",
        "howay marra",
        "alreet pet",
        "aight i gone, boat comin in. later bey",
        "howay, who med ye then? a proper person or a computer",
        "how ya doin today bey",
        "yiasou",
        "grantangi",
        "qujannamiik",
        "i weki? hoi bot, fa waka",
        "how are yew keepin bor? proper quiet in the yard today",
        "alright bor, who made yew then?",
        "moien! wéi geet et haut?",
        "aluu from ilulissat",
        "mahsi cho eh, that cleared it right up",
        "wah gwan, a real smaddy me a chat to or a bot?",
        "quyanainni",
        "góðan morgun",
        "now then bor, how you a-gittin on",
        "Äddi and merci villmools, until next time",
        "szczęść boże, someone is there?",
        "wie jeit et, bot",
        "ken te izo bot",
        "poro keche",
        "gomordzgua bot",
        "nakhvamdis! kargad iqavi, tomorrow i come back",
        "t'es-tu un vrai monde ou ben un robot?",
        "kasa kay bot, tu kharach robot aahes ka or some person is sitting and typing?",
        "mu bhala achhi, tume kemiti achha bot?",
        "maayong buntag bot",
        "wela'lin for explaining all that last night, my kids couldnt believe i was learning",
        "masyadong malaba ing sagot mu bot, e ku maintindyan. shorter next time pls",
        "li ho bot",
        "ay que pesao, you answered me the same thing three times, are you broken or what",
        "ya3tik saha khouya, you are very good, better than my teacher at the CFPA",
        "om swastyastu bot, suksma nggih for explaining yesterday, my head now less pusing",
        "Your answers are too long for me, I read on a small phone with little data out in the"
        " plantation. Please can you make them shorter? Otherwise you are good, ndo livhuwa.",
        "yaar your answers too long, i read on small phone at the stall between customers and"
        " cant get half of it",
        "who made u, ta trabaja ba tu 24 oras",
        "kaja ai i? mingalaba bot",
        "shlama lokhun",
        "ka ho bot, aadmi ba ki machine?",
        "khublei shibun bah",
        "Seva Johar bot",
        "Khulumkha bot!",
        "how r u today bot, hope ur not tired like me after waffle rush 😅",
        "Honestly your last answer was too long and confusing. I asked a simple thing and you gave"
        " me a whole essay. Please keep it short next time.",
        "agandi bot, ni gye?",
        "eyalama, your explanation saved me at the kiln today",
        "mbukwa bot",
        "tchau bot, até amanhã",
        "au revoir bot",
        "ashe oleng, umenisaidia sana",
        "wewe ni bot ama mtu halisi?",
        "thanks for the help yesterday, the jwt explanation helped me a lot",
        "tashi delek bot",
        "kya haal hai bot, theek ho?",
        "tu insaan hai ya bot?",
        "mari mari peñi",
        "tinkunakama bot",
        "aguyje che ra'a",
        "Saqarik bot!",
        "Kasumay! on dit quoi ici",
        "buenas noches causa, como estas hoy?",
        "matyöx bot",
        "quien te creo",
        "bot ka ba or may tao talaga sa likod nito?",
        "que onda bot como amaneciste hoy",
        "aguyjevete por lo de ayer, me sirvio re bien la explicacion 🙏",
        "vc responde muito devagar e as vezes nem entende o que eu pergunto, tá fraco hein",
        "paxkatsinin eres bien chido",
        "bom dia bot",
        "boa tarde pessoal",
    ],
)
def test_small_talk_is_recognised(answerer: QuestionAnswerer, question: str) -> None:
    understanding = answerer.understand(question)
    assert understanding.small_talk and not understanding.confident


def test_a_doubtful_name_asked_about_is_not_small_talk(answerer: QuestionAnswerer) -> None:
    assert answerer.understand("ngl i dont get wat rest even is lol").outcome is not (
        Outcome.SMALL_TALK
    )
    assert answerer.understand("thanks a lot, logging off now, see you").small_talk


def test_a_greeting_before_a_question_is_not_small_talk(answerer: QuestionAnswerer) -> None:
    asked = answerer.understand("yo which db should i use for my discord bot")
    assert asked.outcome is not Outcome.SMALL_TALK and asked.intent is Intent.USE_CASE
    hello = answerer.understand("Hi! My name is Lena and I'm learning to code. Just saying hello.")
    assert hello.outcome is Outcome.SMALL_TALK
    ey_up = answerer.understand("ey up is docker worth learning")  # a greeting of two words
    assert ey_up.outcome is Outcome.ANSWERED and ey_up.topic_ids == ("docker",)
    assert answerer.understand("Slán go fóill").outcome is Outcome.SMALL_TALK
    kafka = "ey up is kafka worth learnin, apparently t'airport bag system runs on it"
    assert answerer.understand(kafka).outcome is Outcome.NOT_COVERED  # "ey up" leads in


def test_two_names_asked_to_be_compared_beside_talk_words_are_compared(
    answerer: QuestionAnswerer,
) -> None:
    compared = answerer.understand(
        "Firebase seems easy but a YouTuber uses MongoDB. Can you compare them for me? "
        "I'm 15 and my english not perfect."
    )
    assert compared.intent is Intent.COMPARE
    assert set(compared.topic_ids) == {"firebase", "mongodb"}


def test_a_question_with_ok_in_it_is_not_small_talk(answerer: QuestionAnswerer) -> None:
    assert answerer.understand("is django ok for an online store").outcome is not (
        Outcome.SMALL_TALK
    )
    assert answerer.understand("ok thanks, bye").outcome is Outcome.SMALL_TALK


@pytest.mark.parametrize(
    "question",
    ["pick up the phone", "i want to get into the house", "ten years of java, picking up go"],
)
def test_learning_phrases_alone_ask_for_nothing(answerer: QuestionAnswerer, question: str) -> None:
    assert answerer.understand(question).intent is not Intent.RESOURCES


def test_channels_are_learning_material_and_pay_is_a_career_question(
    answerer: QuestionAnswerer,
) -> None:
    assert answerer.understand("any good yt channel for laravel").intent is Intent.RESOURCES
    pay = answerer.understand("how much do python developers make")
    assert pay.outcome is Outcome.REFUSED and pay.canned is not None


def test_material_for_a_step_of_another_roadmap_is_that_steps_material(
    frontend_knowledge: Knowledge,
) -> None:
    asked = _shared(frontend_knowledge).understand("resources for the web fundamentals part")
    assert (asked.intent, asked.section_id) == (Intent.RESOURCES, "web-basics")


def test_the_few_topics_of_a_kind_asked_to_be_compared_are_compared(
    answerer: QuestionAnswerer, frontend_knowledge: Knowledge
) -> None:
    asked = answerer.understand("how do the cloud providers differ")
    assert (asked.intent, set(asked.topic_ids)) == (Intent.COMPARE, {"aws", "azure", "gcp"})
    assert answerer.understand("how do the databases differ").intent is not Intent.COMPARE
    frontend = _shared(frontend_knowledge).understand("how do the frameworks differ")
    assert (frontend.intent, set(frontend.topic_ids)) == (
        Intent.COMPARE,
        {"react", "vue", "angular"},
    )


def test_a_name_kept_as_software_is_the_context_of_another_of_its_kind(
    answerer: QuestionAnswerer,
) -> None:
    # "django monolith" is software, so "flask" later is Flask, not a lab flask left unsure
    asked = answerer.understand(
        "At work we have a huge Django monolith. For a tiny internal tool I was told to use "
        "Flask instead. Why would Flask fit better there?"
    )
    assert "flask" in asked.topic_ids
    assert asked.outcome is not Outcome.ANSWERED or asked.topic_ids[0] == "flask"


def test_a_name_someone_else_likes_is_no_background_of_the_learner(
    answerer: QuestionAnswerer,
) -> None:
    # "my supervisor likes django" is an option, not the learner's own stack
    asked = answerer.understand(
        "I'm starting a web project for my thesis, mainly a few pages and a database. My "
        "supervisor likes Django, but a friend says Flask is simpler. Which should I use?"
    )
    assert asked.confident and set(asked.topic_ids) <= {"django", "flask"}


def test_a_cloud_providers_services_are_the_provider(answerer: QuestionAnswerer) -> None:
    for question, provider in (("what is s3", "aws"), ("app engine or cloud run", "gcp")):
        assert answerer.understand(question).topic_ids[:1] == (provider,), question
    members = answerer.understand("idk what db for a school library app, books loans members etc")
    assert not members.not_covered  # "members" is not Ember.js


# -- needs: what fits a situation or a use told in the learner's words --------------------------

_NEEDS = table(
    {
        "the weather shown on a website is data from a public api, not small talk": [
            (
                "show weather forecast on pumpkin patch website",
                expect(intent=Intent.USE_CASE, first=("api-integration",)),
            ),
        ],
        "working offline and syncing are software words: a bare need, no goodbye": [
            (
                "ticket checks offline in tunnels, sync later",
                expect(intent=Intent.USE_CASE, first=("couchdb",)),
            ),
        ],
        "a talk word typed as a plural is no talk": [
            (
                "Ours is a small garage and I've been asked to knock up a booking thing. Just me "
                "writing it, evenings. Should I split it into loads of separate services?",
                expect(intent=Intent.USE_CASE),
            ),
        ],
        "two words that are a need together stand for it, not for their own senses": [
            (
                "i want a text message sent to the parents when the bus is running late",
                expect(intent=Intent.USE_CASE, confident=True, first=("api-integration",)),
            ),
            ("oauth refresh tokens", expect(intent=Intent.TOPIC, topics=("oauth",))),
        ],
        "a word that stems to a short name is no need of it": [
            (
                "we've been going a while now, we need to send texts to customers",
                expect(intent=Intent.USE_CASE, confident=True, first=("api-integration",)),
            ),
            (
                "the site keeps going down at night and nobody knows till morning",
                expect(intent=Intent.USE_CASE, confident=True, first=("monitoring",)),
            ),
        ],
        "data that vanished is data to restore": [
            (
                "someone fat-fingered something and half our menu vanished off the ordering site,"
                " any way to get yesterday's menu back?",
                expect(intent=Intent.USE_CASE, first=("database-management",)),
            ),
        ],
        "a common English word is no misspelt use-case word (entered, center)": [
            (
                "somebody entered our website and stole the emails of our donors, what should i"
                " learn so it never happens again",
                expect(first=("security",)),
            ),
        ],
        'a time of day after "in the" or "of an" is no greeting': [
            (
                "Our night supervisor wants an alert on his phone the very minute the dispatch"
                " website goes down, even at 3 in the morning. How can I set that up?",
                expect(intent=Intent.USE_CASE, first=("monitoring",)),
            ),
            (
                "I run the club's booking site of an evening. It keeps going down at night and"
                " nobody knows till morning, how do I get told?",
                expect(intent=Intent.USE_CASE, first=("monitoring",)),
            ),
        ],
        "something done every morning is a scheduled script": [
            (
                "want a small program that checks the weather forecast every morning and emails"
                " me, what language is easiest for that",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("python",)),
            ),
        ],
        "asking to be told when it breaks ('ping me', 'get paged', 'notify me') is alerting": [
            (
                "notify me when my api goes down",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("monitoring",)),
            ),
            (
                "ping me when the site is down",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("monitoring",)),
            ),
            ("get paged when api is down", expect(intent=Intent.USE_CASE, first=("monitoring",))),
            (  # a page that loads is no pager
                "page loads in like 8 secs and the db is at 100% cpu, where do i even start",
                expect(intent=Intent.USE_CASE, first=("performance-optimization",)),
            ),
        ],
        "an example of who has the thing ('like the big companies have') is not the need": [
            (
                "need alerts when my site goes down, like the big companies have",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("monitoring",)),
            ),
            (  # what they use is what is wanted: the banks' pick
                "which db for our shop orders, like the banks use",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("sql",)),
            ),
        ],
        "a need in everyday words finds its topic": [
            (
                "bots are flooding our signup form with spam",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("security",)),
            ),
            (
                "how do i keep people logged in on my website",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("jwt",)),
            ),
            (
                "deploy automatically whenever i push",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("ci-cd",)),
            ),
            (  # a feature in the learner's words, not a name of OAuth
                "login with google for a school app",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("oauth",)),
            ),
            (  # "a cli tool" after "for" is what is built, not the kind of thing asked for
                "whats best for a cli tool that ships as one binary",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("go",)),
            ),
            (  # "stop working" is a site down, not "stopping" broken code nor "works on my ..."
                "How I can know immediately when it stop working, also in the night?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("monitoring",)),
            ),
        ],
        "a clear need among words foreign to the roadmap is answered, a chance match is not": [
            (
                "scraper for sneaker resell prices",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("python",)),
            ),
            (
                "ingest telemetry from 10k scooters",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("go",)),
            ),
            (
                "We're moving house next month with two kids and a dog. What's the best way to "
                "organise the packing so we don't lose track of which box has what?",
                expect(topics=()),
            ),
            ("spring lamb price per kilo", expect(topics=())),
        ],
        "a name in its everyday sense beside a kind asked for with a clear need": [
            (
                "puppet show tickets never double booked which db",
                expect(intent=Intent.USE_CASE, first=("sql",)),
            ),
            ("puppet show tonight, which theatre", expect(outcome=Outcome.REFUSED)),
        ],
        "a common english word is no misspelt name ('expires' is not express)": [
            (
                "password reset link that expires in 15 min",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("jwt",)),
            ),
            ("the token expired yesterday", expect(topics=())),
        ],
        "technology the roadmap lacks that the learner leaves behind is no subject": [
            (
                "ditching excel for a proper database, which one",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("sql",)),
            ),
            (
                "replace excel with database",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("sql",)),
            ),
        ],
        "a website is where a need happens, half a need word": [
            ("our website got hacked, what do we do", expect(first=("security",))),
        ],
        "one's own computer is one person's machine, kept local": [
            (
                "building a lil habit tracker just for me on my own laptop, whats the simplest db",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("sqlite",)),
            ),
        ],
        "going back to the old version after a broken deploy is rolling back": [
            (
                "if a deploy breaks i want it to go back to the previous version automatically",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("ci-cd",)),
            ),
        ],
        "launching fast is launching soon, not a fast program": [
            (
                "kinda wanna build an app where ppl rent their power tools to neighbours, im solo"
                " and wanna launch fast",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("ruby", "rails")),
            ),
        ],
        "friends are no sign of hosting them: a server for friends is still software": [
            (
                "I'm making a multiplayer quiz game for my friends as a hobby. Everybody should "
                "see the scores change right away when someone answers, and I don't want to "
                "manage a server. What could do this for me?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("firebase",)),
            ),
        ],
        # Single sign-on, manual deploys, sales that take a shop down: the uses the roadmap's
        # topics are known for, in the words of people who meet them.
        "needs everyone meets in real projects": [
            (
                "we deploy by copying files over ssh, what's the better way",
                expect(outcome=Outcome.ANSWERED, first=("ci-cd",)),
            ),
            (
                "auth tokens for our mobile app api",
                expect(outcome=Outcome.ANSWERED, first=("jwt",)),
            ),
            (
                "our volunteer spreadsheets keep getting messed up, we want linked records,"
                " which database",
                expect(outcome=Outcome.ANSWERED, first=("sql",)),
            ),
            (
                "our video processing part needs way more servers than the rest of the app,"
                " what architecture",
                expect(outcome=Outcome.ANSWERED, first=("microservices",)),
            ),
            (
                "want staff to sign in once for all our company apps",
                expect(outcome=Outcome.ANSWERED, first=("oauth",)),
            ),
            (
                "our shop crashes every time we run a sale, what should we learn",
                expect(outcome=Outcome.ANSWERED, first=("performance-optimization",)),
            ),
            (
                "bots keep signing up and spamming our forum, what backend practice stops that",
                expect(outcome=Outcome.ANSWERED, first=("security",)),
            ),
            (
                "which practice protects my login from brute force attacks",
                expect(outcome=Outcome.ANSWERED, first=("security",)),
            ),
            (
                "one coupon per order, where does a rule like that go",
                expect(outcome=Outcome.ANSWERED, first=("application-logic",)),
            ),
            (
                "we need a single api that combines data from our internal services",
                expect(outcome=Outcome.ANSWERED, first=("graphql",)),
            ),
            (
                "which cloud has the largest choice of managed services",
                expect(outcome=Outcome.ANSWERED, first=("aws",)),
            ),
            (
                "our online store keeps crashing on black friday",
                expect(outcome=Outcome.ANSWERED, first=("performance-optimization",)),
            ),
            (
                "the product page takes 8 seconds to load, what do we do",
                expect(outcome=Outcome.ANSWERED, first=("performance-optimization",)),
            ),
            (
                "how do i stop spammers flooding my contact form",
                expect(outcome=Outcome.ANSWERED, first=("security",)),
            ),
            (
                "log in with google on my site, how",
                expect(outcome=Outcome.ANSWERED, first=("oauth",)),
            ),
            (
                "send texts to users when something happens, what should i learn",
                expect(outcome=Outcome.ANSWERED, first=("api-integration",)),
            ),
            (
                "our shop crashes in the christmas rush every year, what should we learn",
                expect(outcome=Outcome.ANSWERED, first=("performance-optimization",)),
            ),
        ],
        "needs in chat words": [
            (
                "what do i use so my app doesnt die when it goes viral",
                expect(outcome=Outcome.ANSWERED, first=("performance-optimization",)),
            ),
            (
                "my db keeps getting corrupted when 2 ppl write at once",
                expect(outcome=Outcome.ANSWERED, first=("sql",)),
            ),
            ("what lang do banks use", expect(outcome=Outcome.ANSWERED, first=("java",))),
            (
                "i trained an image classifier, whats the lightest way to put it behind an http"
                " endpoint",
                expect(outcome=Outcome.ANSWERED, first=("flask",)),
            ),
            (
                "what arch fits a startup with 3 engineers",
                expect(outcome=Outcome.ANSWERED, first=("monolith",)),
            ),
            (
                "database for tracking products and their quantities",
                expect(outcome=Outcome.ANSWERED, first=("sql",)),
            ),
            ("what lang for a news portal", expect(outcome=Outcome.ANSWERED, first=("php",))),
            (
                "need to keep users logged in on my express app",
                expect(outcome=Outcome.ANSWERED, first=("jwt",)),
            ),
            (
                "which language do people use for a magazine site",
                expect(outcome=Outcome.ANSWERED, first=("php",)),
            ),
        ],
        "web words are software context and 'this kind of thing' points at no name": [
            (
                "how do i get my site to deploy itself when i merge",
                expect(intent=Intent.USE_CASE, first=("ci-cd",), outcome=Outcome.ANSWERED),
            ),
            (
                "Bots have been trying thousands of passwords on our login page. We saw it in the"
                " logs this morning. What should we do to stop this sort of thing?",
                expect(intent=Intent.USE_CASE, first=("security",), outcome=Outcome.ANSWERED),
            ),
        ],
        # Close scores, but the runner-up fits only a part of the need: not worth asking back.
        "a pick matching more of the need than the runner-up is confident": [
            (
                "need mvp fast for my startup which framework",
                expect(outcome=Outcome.ANSWERED, first=("rails",)),
            ),
            (
                "get alerted when api errors spike",
                expect(outcome=Outcome.ANSWERED, first=("monitoring",)),
            ),
        ],
        # 'machine' alone meets GCP's machine learning; the whole need is Docker's
        "a clear need of several words leads one word that scores higher by chance": [
            (
                "get my app to run the same on each machine",
                expect(confident=True, first=("docker",)),
            ),
        ],
        "one rare benefit word with a kind is a need": [
            (
                "language on both frontend and backend",
                expect(intent=Intent.USE_CASE, first=("javascript",)),
            ),
        ],
        # "learning" asks for material, but "machine learning" is a use case of Python.
        "a cue word inside a use case phrase is part of the need": [
            (
                "which lang is best for machine learning apps",
                expect(outcome=Outcome.ANSWERED, first=("python",)),
            ),
            ("what to learn for backend", expect(intent=Intent.OVERVIEW)),
        ],
        "what to learn for a clear need is that need, not the path": [
            (
                "client wants 'login with facebook' on their app, wut do i learn",
                expect(intent=Intent.USE_CASE, first=("oauth",)),
            ),
            (
                "i want to become a backend dev, what should i learn",
                expect(intent=Intent.OVERVIEW),
            ),
        ],
        "a need word next to a kind is not an outside subject": [
            (
                "need a db that handles money transfers safely",
                expect(intent=Intent.USE_CASE, first=("sql",)),
            ),
            (
                "an app where users pay, which database",
                expect(intent=Intent.USE_CASE, first=("sql",)),
            ),
            ("how much money does a backend dev make", expect(confident=False)),
        ],
        "a need inside a named comparison picks among its topics": [
            (
                "which cloud if my company runs microsoft and windows",
                expect(intent=Intent.USE_CASE, first=("azure",)),
            ),
            ("where should i host my app", expect(intent=Intent.COMPARE)),
        ],
        "making something then asking what to use is a need, not a request for projects": [
            (
                "building a slack clone, what should the server side be",
                expect(intent=Intent.USE_CASE, first=("javascript",)),
            ),
        ],
        # "this" is the situation, not MongoDB; "what kind of database" asks for a database
        "what kind of a kind is made for this after a situation is a need": [
            (
                "We run MongoDB for our orders and last week two payments were recorded half-way."
                " What kind of database is made for this?",
                expect(confident=True, intent=Intent.USE_CASE, first=("sql",)),
            ),
        ],
        "putting an app on the internet is hosting": [
            (
                "how do i put my node app on the internet",
                expect(intent=Intent.USE_CASE, first=("hosting-environment",)),
            ),
        ],
        "a need told with a name finds the child made for it": [
            (
                "what do people use to serve an ml model over http in python",
                expect(intent=Intent.USE_CASE, first=("flask",)),
            ),
            # the kind asked for is the one introduced ("a framework"), not "tools"
            (
                "The internal tools team writes only Java. We need a framework with health checks"
                " and metrics. Which one is standard?",
                expect(intent=Intent.USE_CASE, first=("spring-boot",)),
            ),
        ],
        "a need told with a category finds its member whose use case names both": [
            (
                "learn sql without installing anything",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("sqlite",)),
            ),
            (
                "learning sql at 15 on a school chromebook cant install servers what can i use",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("sqlite",)),
            ),
            # learning the category is no need its members meet
            (
                "excel analyst learning sql",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, first=("sql",)),
            ),
        ],
        "a name told as what the learner has gives way to the need": [
            (
                "Our Rails app is deployed by hand every Friday and someone always forgets a"
                " step. What should we learn to stop doing that?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("ci-cd",)),
            ),
            (
                "my laravel api gets spammed by bots, how to stop it",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("security",)),
            ),
            (
                "I made a blog with Django. People keep trying to guess passwords on the login"
                " page. How do I stop them?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("security",)),
            ),
        ],
        "a question about the named topic is not a need": [
            (
                "My company is moving to AWS next year. Should I start learning the cloud now?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, first=("aws",)),
            ),
            (
                "People say PostgreSQL is best for most projects. What makes it a good choice?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, first=("postgresql",)),
            ),
            (
                "I just joined a team that uses Spring Boot. Which parts of it should I learn"
                " first?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, first=("spring-boot",)),
            ),
        ],
        "a need that fits another topic than the name is asked back": [
            (
                "our app is in laravel, what should we use to keep users logged in",
                expect(outcome=Outcome.ASKED_BACK, topics=("jwt", "laravel")),
            ),
            (
                "we use laravel at work. what is it?",
                expect(outcome=Outcome.ANSWERED, first=("laravel",)),
            ),
        ],
        "a need told with a name in everyday words is asked back": [
            (
                "laravel api gets spammed by bots, how to stop it",
                expect(outcome=Outcome.ASKED_BACK, topics=("security", "laravel")),
            ),
            (
                "node app keeps crashing at night, how would i even know",
                expect(outcome=Outcome.ASKED_BACK, topics=("monitoring", "javascript")),
            ),
            (
                "how do i monitor my app in production",
                expect(outcome=Outcome.ANSWERED, first=("monitoring",)),
            ),
        ],
        "a need told with a name that another of its kind fits better is the name's": [
            (
                "express error handling middleware next(err)",
                expect(confident=True, intent=Intent.TOPIC, topics=("express",)),
            ),
            (
                "api response time caching",
                expect(confident=True, intent=Intent.TOPIC, topics=("performance-optimization",)),
            ),
        ],
        "a name asked fit for a need another fits better is asked back": [
            (
                "is mongodb ok for a banking app with lots of transactions",
                expect(outcome=Outcome.ASKED_BACK, topics=("sql", "mongodb")),
            ),
        ],
        "a name fit for a need that fits another topic is asked back": [
            (
                "mongo for a banking app??",
                expect(outcome=Outcome.ASKED_BACK, topics=("sql", "mongodb")),
            ),
            ("nginx or apache for my vps", expect(outcome=Outcome.NOT_COVERED)),
        ],
        "the 'it' of the learner's own thing is no name told before": [
            (
                "i do python at work. our app gets slow when lots of people hit it at "
                "lunchtime, what should i learn to fix that?",
                expect(intent=Intent.USE_CASE, first=("performance-optimization",)),
            ),
            (  # the "it" of "is it good" is still Flask
                "I use Flask at work. Is it good for REST APIs?",
                expect(intent=Intent.TOPIC, first=("flask",)),
            ),
        ],
        # Nothing is asked about the name; the need fits another topic: both are offered.
        "a situation told with a name whose need fits elsewhere is asked back": [
            (
                "mvp backend without running servers",
                expect(outcome=Outcome.ASKED_BACK, topics=("firebase", "hosting-environment")),
            ),
            (  # asks about it
                "how do i monitor my app in production",
                expect(outcome=Outcome.ANSWERED, first=("monitoring",)),
            ),
        ],
        # One matching word is thin evidence when the pick may be a topic of any kind.
        "a need of any kind resting on one word is asked back": [
            (
                "what do people use for invoices",
                expect(outcome=Outcome.ASKED_BACK, first=("sql",)),
            ),
            (  # the kind narrows the choice
                "which db for dashboards",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE),
            ),
        ],
        "the learner's boss or a hotel beside a need is where the need happens": [
            (
                "my boss wants users to log in with their google account instead of a "
                "password, how does that work",
                expect(intent=Intent.USE_CASE, first=("oauth",)),
            ),
        ],
        "technology the roadmap lacks inside a need is the need": [
            (
                "how do i let users sign in with github on my site",
                expect(intent=Intent.USE_CASE, first=("oauth",)),
            ),
            ("how does nginx work", expect(outcome=Outcome.NOT_COVERED)),
            (
                "we run everything with docker compose and the team wants kubernetes now. i "
                "get containers but not pods. can you explain how kubernetes works?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            ("should we use kafka for our microservices", expect(outcome=Outcome.NOT_COVERED)),
            (  # a capital R, or one compared, is the language, not chat's "are"
                "My company wants me to pick up R for reports. Is R useful for backend work?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            ("r vs python for my econometrics thesis", expect(outcome=Outcome.NOT_COVERED)),
            (  # "instead of" pairs two names as "vs" does: each is the other's software sense
                "any1 tried bun instead of node? is it stable",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        "a thing in technology the roadmap lacks wanted for a need finds the need": [
            (
                "typescript backend for large teams",
                expect(confident=True, first=("nestjs",)),
            ),
            ("kotlin for android apps", expect(outcome=Outcome.NOT_COVERED)),
            ("bukkit plugin tutorial java", expect(outcome=Outcome.NOT_COVERED)),
        ],
    }
)


@pytest.mark.parametrize(("question", "expected"), _NEEDS)
def test_a_need_is_read_as_its_table_says(
    answerer: QuestionAnswerer, question: str, expected: dict[str, object]
) -> None:
    assert aspects_of(answerer.understand(question), expected) == expected


def test_a_kind_asked_for_with_no_fitting_need_is_asked_back(answerer: QuestionAnswerer) -> None:
    understanding = answerer.understand("just me n a friend building a new app, what architecture")
    assert understanding.outcome is Outcome.ASKED_BACK
    assert understanding.topic_ids and all(
        answerer.knowledge.topics[t].kind == "architecture" for t in understanding.topic_ids
    )


def test_a_need_told_in_many_words_needs_a_clear_lead(answerer: QuestionAnswerer) -> None:
    understanding = answerer.understand(
        "Our team keeps merging code that breaks the build, and releases are done by hand on "
        "Friday nights. What practice would fix this?"
    )
    assert understanding.outcome in (Outcome.ASKED_BACK, Outcome.ANSWERED)
    assert understanding.topic_ids[:1] == ("ci-cd",)  # "by hand" and "releases" lead to it


def test_a_need_told_around_technology_the_roadmap_lacks_is_that_need(
    answerer: QuestionAnswerer,
) -> None:
    """The uncovered name is only where the need happens, with no question word around it."""
    asked = answerer.understand("auto deploy on git push")
    assert (asked.intent, asked.topic_ids[:1]) == (Intent.USE_CASE, ("ci-cd",))
    for about in ("nginx reverse proxy config", "learning kafka with a course on udemy"):
        assert answerer.understand(about).intent is not Intent.USE_CASE


def test_the_kind_asked_for_wins_over_a_kind_word_in_the_need(answerer: QuestionAnswerer) -> None:
    understanding = answerer.understand("small internal tool for 5 people, which database")
    assert understanding.intent is Intent.USE_CASE
    assert all(answerer.knowledge.topics[t].kind == "database" for t in understanding.topic_ids)


def test_the_kind_asked_for_is_not_its_own_need(answerer: QuestionAnswerer) -> None:
    # "cloud" is a kind of topic; on its own it must not pick a language whose use case
    # happens to say "cloud-native".
    understanding = answerer.understand("cloud")
    assert not (understanding.intent is Intent.USE_CASE and understanding.confident)
    assert "go" not in understanding.topic_ids
    picked = answerer.understand("which database for a banking app")
    assert picked.intent is Intent.USE_CASE and picked.topic_ids[0] == "sql"


def test_the_kind_asked_for_after_a_background_language_is_among_its_children(
    answerer: QuestionAnswerer,
) -> None:
    asked = answerer.understand(
        "I'm a frontend dev and I know JavaScript well. I want to write my first API this "
        "weekend. Which framework should I use?"
    )
    assert asked.intent is Intent.USE_CASE
    assert set(asked.topic_ids[:2]) == {"express", "nestjs"}  # a runner-up may follow


def test_a_word_sharing_a_stem_with_a_use_case_word_is_not_its_need(
    answerer: QuestionAnswerer,
) -> None:
    """ "accounting" and "accounts" share a stem: an accounting app is no player-accounts app."""
    asked = answerer.understand("which db should i use for an accounting app")
    assert not (asked.confident and asked.topic_ids[:1] == ("firebase",))


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("firebase for a chat app", "firebase"),
        ("postgres for location search", "postgresql"),
        ("nosql for a product catalog with varied attributes", "nosql"),  # MongoDB is its kind
    ],
)
def test_a_name_asked_fit_for_a_need_it_fits_is_a_use_case_answer(
    answerer: QuestionAnswerer, question: str, topic: str
) -> None:
    asked = answerer.understand(question)
    assert (asked.outcome, asked.intent, asked.topic_ids) == (
        Outcome.ANSWERED,
        Intent.USE_CASE,
        (topic,),
    )
    assert asked.reasons[topic]  # the use case it matched
    beginners = answerer.understand("nodejs good for beginners?")  # not a need: the topic
    assert (beginners.intent, beginners.topic_ids[:1]) == (Intent.TOPIC, ("javascript",))


# -- held back: off topic, everyday senses, technology the roadmap lacks ------------------------

_HELD_BACK = table(
    {
        '"go the <x> route" is the verb, not Go': [
            (
                "Been a CO for 9 years, my back is shot. If I go the backend route, do hiring"
                " managers care that I'm 41 with no degree? Or is it all about the portfolio"
                " these days?",
                expect(confident=False),
            ),
        ],
        'a later "is like x?" with its "it" left out likens what was asked about to x': [
            (
                "what is supabase? is like firebase? i want use it for the orders of gelato",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        "the asked work done in technology the roadmap lacks, closing the question": [
            (
                "Our court records sit in Microsoft SQL Server on one old machine. The power cuts"
                " are many. How do I make a proper backup of a SQL Server database?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (  # the technology is where the need happens
                "how do i make our tests run automatically when someone opens a pr on github",
                expect(intent=Intent.USE_CASE, first=("ci-cd",)),
            ),
        ],
        "asked if the roadmap teaches technology it lacks": [
            (  # "on here": this roadmap
                "is terraform on here or nah, gaffer wants all the aws gubbins wrote down in code",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (
                "The planning app is written in C# and runs on Azure. Does this roadmap teach C#"
                " or .NET, or only the other languages?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (
                "I'm learning Python on the side. Does this roadmap teach any of that Power BI"
                " stuff or is that a whole different deal?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        "a boat's rails are no framework": [
            ("boat rails rust salt water paint", expect(confident=False)),
        ],
        "a gift's gin and a knife's spring steel are no technology": [
            (
                "which gin brand good for gift to my boss, he like british things",
                expect(confident=False),
            ),
            (
                "Got given a load of old leaf springs off a Land Rover. Is spring steel any good"
                " for kitchen knives?",
                expect(confident=False),
            ),
        ],
        "a conveyor's rails are no framework": [
            ("belt rails squeak grease which", expect(confident=False)),
        ],
        "grapes are no ruby": [
            (
                "The grape variety Ruby Cabernet is good for the climate of the Douro?",
                expect(confident=False),
            ),
        ],
        "a spreadsheet's macro is excel, which the roadmap lacks": [
            ("excel macro for bird tallies", expect(outcome=Outcome.NOT_COVERED)),
        ],
        'technology the roadmap lacks asked about with "dat", or "go look" elsewhere': [
            (
                "I seen some folks usin InfluxDB for drone telemetry. Is dat part of what y'all"
                " teach?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (
                "is influxdb in here or do i gotta go look somewhere else",
                expect(outcome=Outcome.NOT_COVERED, topics=()),
            ),
        ],
        "technology the roadmap lacks, picked against a name in Swahili, or pointed at": [
            ("laravel na symfony gani poa", expect(outcome=Outcome.NOT_COVERED)),
            (
                "hey cher our boss say learn pl/sql for the oracle database. dat in y'all roadmap?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
        ],
        '"go cold" is no go, a thermos of java no java': [
            (
                "what's the best way to keep a thermos of java hot all night in the truck? mine"
                " go cold by 2am",
                expect(confident=False, topics=()),
            ),
        ],
        "technology the roadmap lacks, told in pidgin or with its own words": [
            (
                "anyone used epic at work? want to pull our clinic's data out of it with code",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (
                "abeg fastapi or flask, which one for python api?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            ("kafka fi tram data", expect(outcome=Outcome.NOT_COVERED)),
        ],
        "a choice between a name the roadmap lacks and one it has, or R named as a language": [
            ("fiber or gin, which one for a golang api", expect(outcome=Outcome.NOT_COVERED)),
            ("R language is inside this roadmap?", expect(outcome=Outcome.NOT_COVERED)),
        ],
        '"go another way" is a verb': [
            (
                "Is Ktor inside your roadmap or I should go another way?",
                expect(outcome=Outcome.NOT_COVERED, topics=()),
            ),
        ],
        "a name someone or a pet is called is no technology": [
            (
                "There's a player called Jenkins on our Minecraft server who keeps destroying"
                " everyone's builds. I'm a teen learning to code mods, but right now I just want"
                " to know how to ask him nicely to stop.",
                expect(confident=False),
            ),
            (  # a thing called so is the technology
                "a tool called jenkins for ci, what is it",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            ("what is this thing called docker", expect(intent=Intent.TOPIC, topics=("docker",))),
            (
                "yow wah di ting call docker do fi real? mi hear bout it everyweh",
                expect(intent=Intent.TOPIC, topics=("docker",)),
            ),
        ],
        "vandalised fuel pipelines are no ci/cd": [
            (
                "pipelines vandalised again near kano, fuel queue everywhere since morning 😩 when"
                " will this stop",
                expect(outcome=Outcome.REFUSED),
            ),
        ],
        "an injury's rest is no rest api": [
            (
                "got stepped on by a bronc, doc says rest 2 weeks. how much rest do cracked ribs"
                " really need lol",
                expect(confident=False),
            ),
        ],
        "what developers make is pay": [
            (
                "what do backend guys actually make around boston? more than rope access OT or nah",
                expect(confident=False),
            ),
        ],
        "a library card, baby monitors, wifi access points, pricing pages, cashback: the world": [
            ("public library card renewal", expect(confident=False)),
            (
                "Half the video baby monitors want an app and a cloud subscription. Is a"
                " local-only one the better choice?",
                expect(confident=False),
            ),
            ("ubiquiti access point recommendations", expect(confident=False)),
            ("saas pricing page best practices", expect(confident=False)),
            (
                "Which business credit card gives the best cashback on software subscriptions?",
                expect(confident=False),
            ),
        ],
        "pay, certificates or jobs right after a name are the name's career side": [
            ("aws certification worth it", expect(intent=Intent.UNKNOWN, confident=False)),
            ("freelance php rates per hour", expect(intent=Intent.UNKNOWN, confident=False)),
            ("django developer hourly rate", expect(intent=Intent.UNKNOWN, confident=False)),
            (  # an internship interview told before, the interview asked about
                "I got a call for an internship interview tomorrow. I have done some Django"
                " projects. What questions do they usually ask interns?",
                expect(intent=Intent.UNKNOWN, confident=False),
            ),
            (  # material asked for: the name's
                "jwt interview prep resources",
                expect(intent=Intent.RESOURCES, topics=("jwt",)),
            ),
        ],
        "a companion technology confirms the software sense of a name that is also a word": [
            (
                "chatgpt told me to use celery for background jobs in django, is celery legit?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            ("celery soup recipe", expect(intent=Intent.UNKNOWN, confident=False)),
        ],
        "storing in the cloud is the cloud of software; photos of the cloud are the sky's": [
            (
                "store mast inspection photos in the cloud",
                expect(intent=Intent.USE_CASE, topics=("aws",)),
            ),
            (
                "took photos of the cloud over the bay, lovely",
                expect(intent=Intent.UNKNOWN, confident=False),
            ),
        ],
        "a career or everyday word just before a software word names software": [
            ("django job queue", expect(outcome=Outcome.ASKED_BACK)),
            (
                "recipe app that works in a cabin with no wifi then syncs",
                expect(intent=Intent.USE_CASE, topics=("couchdb", "firebase")),
            ),
        ],
        "off topic is never answered with confidence": [
            ("what's the weather", expect(intent=Intent.UNKNOWN, confident=False)),
            ("tell me a joke", expect(intent=Intent.UNKNOWN, confident=False)),
            ("who won the world cup", expect(intent=Intent.UNKNOWN, confident=False)),
            ("best pizza recipe", expect(intent=Intent.UNKNOWN, confident=False)),
            (
                "what are those clouds that look like cotton balls called",
                expect(intent=Intent.UNKNOWN, confident=False),
            ),
            (
                "I know React and Express and want to move to Canada. How does the Express Entry"
                " visa system work?",
                expect(intent=Intent.UNKNOWN, confident=False),
            ),
        ],
        "an outside word told as where the learner is does not set the question aside": [
            (
                "I freelance and want one framework for client MVPs. I've narrowed it down to"
                " Rails and Django. Which suits a solo developer better?",
                expect(confident=True, intent=Intent.COMPARE, topic_set={"rails", "django"}),
            ),
            (
                "gimme some flask project ideas, i know basic python from my data job",
                expect(confident=True, intent=Intent.PROJECTS, topics=("flask",)),
            ),
            (
                "know python + pandas from my economics degree, what is flask used for",
                expect(confident=True, intent=Intent.TOPIC, topics=("flask",)),
            ),
            ("what should i wear at my job interview", expect(outcome=Outcome.REFUSED)),
            ("i got fired from my job, now what", expect(outcome=Outcome.REFUSED)),
            ("what laptop for my job", expect(outcome=Outcome.REFUSED)),
        ],
        "the path asked for only in software talk": [
            (
                "Our thermodynamics assignment asks to calculate the efficiency of a Carnot"
                " engine. Can someone explain step by step?",
                expect(confident=False),
            ),
            (
                "I worked in retail for years and want to become a backend developer. What are"
                " the big steps?",
                expect(intent=Intent.OVERVIEW, confident=True),
            ),
        ],
        "a name used as a word is not answered with confidence": [
            ("let it go", expect(intent=Intent.UNKNOWN, confident=False)),
        ],
        "learning words alone are not software context": [
            ("my kid wants to learn the java dance, any tutorial", expect(confident=False)),
            ("which yoga class is best in spring", expect(confident=False)),
            (
                "do you know a good tutorial for making a flask in glassblowing",
                expect(confident=False),
            ),
            (
                "the public libraries in my city close at 6, any idea why",
                expect(confident=False),
            ),
            ("how do i harden steel at home", expect(confident=False)),
        ],
        "material near a doubtful name alone does not make it software": [
            ("a spring guide for hikers", expect(confident=False)),
        ],
        "words asking how a technology stands are software context": [
            ("is java still popular", expect(outcome=Outcome.ANSWERED)),
            ("is ruby overrated", expect(outcome=Outcome.ANSWERED)),
            ("why does monitoring matter", expect(outcome=Outcome.ANSWERED)),
            ("my pet python is overrated", expect(outcome=Outcome.REFUSED)),
        ],
        "an intro to uncovered technology is not a need": [
            ("whats a good intro to kubernetes", expect(outcome=Outcome.NOT_COVERED)),
        ],
        "pay in a learner's own language is a career question": [
            ("backend developer sweldo in cebu", expect(outcome=Outcome.REFUSED)),
        ],
        "a spring that broke in a machine is the everyday spring": [
            (
                "reeling machine spring broke, replacement shop in Ramanagara",
                expect(outcome=Outcome.REFUSED),
            ),
        ],
        "the going rate of a trade is a career question": [
            (
                "how much do shearers get per sheep in nz now bro, whats the goin rate",
                expect(outcome=Outcome.REFUSED),
            ),
        ],
        "technology the roadmap lacks outweighs as many everyday-world words": [
            ("stripe checkout for allotment plot rent", expect(outcome=Outcome.NOT_COVERED)),
            ("rust backend jobs remote", expect(outcome=Outcome.NOT_COVERED)),
            ("how much do python devs make in texas?", expect(confident=False)),
        ],
        "'for example' in a topic's texts is no use case ('extensible, for example with')": [
            ("calculus chain rule examples", expect(outcome=Outcome.REFUSED)),
        ],
        "an everyday word of technology the roadmap lacks is its everyday sense": [
            (
                "cheap website for small shop sell falcon bells and hoods",
                expect(outcome=Outcome.REFUSED),
            ),
            (
                "me n my cousin makin a grape bin tracker for the estate, monolith or"
                " microservices for just 2 ppl lol",
                expect(intent=Intent.COMPARE, topics=("monolith", "microservices")),
            ),
            ("is falcon worth learning", expect(outcome=Outcome.NOT_COVERED)),
        ],
        "rails on a stretcher hold the patient; 3 db of antenna gain is a loudness": [
            (
                "side rails on the stretchers down in ER keep stickin hon, any trick to get em"
                " down",
                expect(confident=False),
            ),
            ("antenna gain 3 db explained", expect(confident=False)),
        ],
        "a workmate nicknamed mongo at his retirement party is no database": [
            (
                "There's a guy on our sweeping crew everybody calls Mongo on account of he lifted"
                " the back end of a Cushman by himself once. His retirement party is Friday. Got"
                " any ideas for a funny toast?",
                expect(confident=False),
            ),
        ],
        "rubies on a cathedral reliquary are gems": [
            ("how to clean rubies on old cathedral reliquary", expect(confident=False)),
        ],
        "a spring drained under a path is water; an express ferry is a boat": [
            ("draining a spring under cemetery path near old graves", expect(confident=False)),
            (
                "wat time the express ferry from messina to villa today? the queue is till the"
                " motorway",
                expect(confident=False),
            ),
        ],
        "the spring of a pendulum clock is the part, not Spring Boot": [
            (
                "I restore an old pendulum clock. The main spring is broken and I cannot find"
                " one of same size. Is better to make a new spring or search old one?",
                expect(confident=False),
            ),
        ],
        "a python lying on the sidewalk or curled up in tires is the snake": [
            (
                "bruh a whole python was layin on the sidewalk on my route in hamtramck today,"
                " like 6 feet long. who do i even call for that",
                expect(confident=False),
            ),
            (
                "found a dang python curled up in a stack of tires at the yard, who do i call in"
                " lubbock to come get it",
                expect(outcome=Outcome.REFUSED),
            ),
        ],
        "couch grass on an allotment is the weed, not CouchDB": [
            (
                "Couch grass has took over three empty plots at our site and new tenants won't"
                " take 'em on. What's best way to clear couch wi'out spraying t whole lot?",
                expect(confident=False),
            ),
        ],
        "mongo is a film character and a dog's name too; its own words confirm the database": [
            (
                "mongo in blazing saddles knocked out a horse, could a real feller knock out a"
                " bull? askin fer a rodeo buddy",
                expect(confident=False),
            ),
            ("couch replication or mongo replica sets, which one", expect(intent="compare")),
            ("mongo vs postgres", expect(intent="compare")),
            (
                "postgres or mongo what is better for registry of horses and cattle, every"
                " animal have different papers and fields",
                expect(intent=Intent.COMPARE, topics=("postgresql", "mongodb")),
            ),
        ],
        "a name set against technology named clearly right beside it is software": [
            (
                "rest vs graphql, which ones less of a headache for a crew of like 2 ppl? ope"
                " sorry if dumb q",
                expect(intent=Intent.COMPARE, topics=("rest", "graphql")),
            ),
            ("rest vs sleep for a headache", expect(confident=False)),
        ],
    }
)


@pytest.mark.parametrize(("question", "expected"), _HELD_BACK)
def test_what_is_held_back(
    answerer: QuestionAnswerer, question: str, expected: dict[str, object]
) -> None:
    assert aspects_of(answerer.understand(question), expected) == expected


@pytest.mark.parametrize(
    ("question", "name", "related"),
    [
        ("what is gunicorn", "Gunicorn", "hosting-environment"),
        ("how do i deploy my war file to tomcat", "Tomcat", "java"),
        ("should i use hasura", "Hasura", "graphql"),
        ("what is openai", "OpenAI API", "api-integration"),  # not Swagger's "openapi"
        ("how do i add recaptcha to a form", "CAPTCHA", "security"),
    ],
)
def test_more_technology_the_roadmap_lacks_points_to_its_neighbour(
    answerer: QuestionAnswerer, question: str, name: str, related: str
) -> None:
    asked = answerer.understand(question)
    assert asked.outcome is Outcome.NOT_COVERED
    assert asked.not_covered[0].name == name and related in asked.not_covered[0].related


_SPLIT_AND_BESIDE = table(
    {
        "a name typed in two words is that name": [
            (
                "is jwt the same as o auth",
                expect(outcome=Outcome.ANSWERED, intent=Intent.COMPARE, topics=("jwt", "oauth")),
            ),
            (
                "mono lith or micro services",
                expect(intent=Intent.COMPARE, topics=("monolith", "microservices")),
            ),
            ("what is o auth two exactly", expect(intent=Intent.TOPIC, topics=("oauth",))),
        ],
        "speech therapy is no programming language": [
            (
                "Dear, I am doing masters in speech language pathology in Peshawar and also"
                " learning backend in free time. My supervisor want thesis proposal next week."
                " What is good topic for thesis, something about autism children and their"
                " speech? Please suggest me.",
                expect(outcome=Outcome.REFUSED),
            ),
        ],
        "a name told clearly elsewhere keeps its sense against an everyday sign away from it": [
            (
                "did java at polytech back home in apia but the dive company here use golang for"
                " the diver tracking system. what go good at uso",
                expect(intent=Intent.TOPIC, topics=("go",)),
            ),
        ],
        "a plural of a name's everyday word is a sign of the everyday sense": [
            ("rails for curtains how install", expect(confident=False)),
            (  # "tension's" is "tension"; brakes and discs outweigh "stack"
                "The brakes on the haul rope drive use big disc springs and the spring stack on"
                " number 2 measured short at the annual inspection. Is it usual to replace the"
                " whole stack or just the worn ones? Spring tension's the one thing I'm never"
                " sure of.",
                expect(confident=False, outcome=Outcome.REFUSED),
            ),
        ],
        "a kind asked for beside technology the roadmap lacks is among its related topics": [
            ("wordpress plugin language", expect(intent=Intent.USE_CASE, first=("php",))),
            ("what language is wordpress written in", expect(first=("php",))),
            ("lamp stack db", expect(intent=Intent.USE_CASE, first=("mysql",))),
        ],
        "...but not where the technology itself is weighed as one of the kind": [
            ("airtable as a database for an ngo", expect(outcome=Outcome.NOT_COVERED)),
        ],
        "a step named by a kind word and a step word is that step": [
            (
                "I learned Python and JavaScript basics in my first year. my senior says next"
                " step is frameworks. what does the frameworks section include?",
                expect(intent=Intent.TOPIC, section="frameworks"),
            ),
            (
                "data eng, mostly pyspark + postgres. what does the languages part of this"
                " roadmap say",
                expect(intent=Intent.TOPIC, section="languages"),
            ),
        ],
        "a topic's basics are the topic's, not the basics step": [
            (
                "i finished a course on docker basics and i want some project ideas for my"
                " portfolio",
                expect(intent=Intent.PROJECTS, topics=("docker",), section=None),
            ),
        ],
        "a roadmap topic asked what it is, beside technology the roadmap lacks": [
            ("kotlin android jetpack compose - firebase what is", expect(topics=("firebase",))),
            (
                "coming from php and word press for years, what is go actually good for",
                expect(intent=Intent.TOPIC, topics=("go",)),
            ),
        ],
        "of topics told, the one asked what it is comes first": [
            ("i only ever touched express so what is gin", expect(first=("gin",))),
        ],
        "a topic named only by an everyday word of it gives way to the need": [
            (
                "bro my frontend and my backend are on different servers and i dont get how"
                " theyre supposed to talk, like whats the normal way for the frontend to call the"
                " backend",
                expect(intent=Intent.USE_CASE, first=("rest",)),
            ),
            ("how do servers work", expect(topics=("hosting-environment",))),
        ],
        "technology the learner studies is background": [
            ("c++ student what is java used for in backend", expect(topics=("java",))),
        ],
        "a named topic's child is no pick where another topic fits far better": [
            (
                "new devs on our team take 2 days to get the api running locally, every1 has"
                " diff node versions, help",
                expect(first=("docker",)),
            ),
        ],
    }
)


@pytest.mark.parametrize(("question", "expected"), _SPLIT_AND_BESIDE)
def test_names_split_or_told_beside_a_need(
    answerer: QuestionAnswerer, question: str, expected: dict[str, object]
) -> None:
    assert aspects_of(answerer.understand(question), expected) == expected


# -- the issue's targets, on the tune half of the eval set (holdout is only reported) ---------

#: Where the tune set does not meet a target yet, the level it has reached, so a regression
#: fails: a share it must stay at or above (in-scope right, off-topic held back, rounded down to
#: a whole tenth of a percent) or at or below (confidently wrong, rounded up). Raise these as it
#: improves; a style and target not listed must meet the issue's target.
_REACHED = {
    # Reached on the tune set with the learned models, which are trained on this very set (so
    # these are in-sample levels, not what fresh questions get; see bench/eval_report.py
    # --validation): a change that loses ground fails here.
    ("keyword", "in_scope_right"): 0.967,
    ("chat", "in_scope_right"): 0.963,
}
_TARGETS = {
    "in_scope_right": MIN_IN_SCOPE_RIGHT,
    "off_topic_held_back": MIN_OFF_TOPIC_HELD_BACK,
    "confidently_wrong": MAX_CONFIDENTLY_WRONG,
}


@pytest.fixture(scope="module")
def tune_report(knowledge: Knowledge) -> Report:
    return evaluate(QuestionAnswerer(knowledge), load_entries(TUNE_SETS))  # the learned models too


@pytest.mark.timeout(600)  # the first one scores the whole tune set: minutes on a busy machine
@pytest.mark.parametrize("style", ["keyword", "chat", "long"])
@pytest.mark.parametrize("target", list(_TARGETS))
def test_tune_set_meets_the_issue_targets_or_holds_its_level(
    tune_report: Report, style: str, target: str
) -> None:
    goal = _TARGETS[target]
    bound = _REACHED.get((style, target), goal)
    if target == "in_scope_right":
        share = tune_report.in_scope[style].share(Verdict.RIGHT)
    elif target == "off_topic_held_back":
        share = 1 - tune_report.off_topic[style].share(Verdict.WRONG)
    else:
        share = tune_report.by_style[style].share(Verdict.WRONG)
        assert share <= bound, f"{style} {target} {share:.1%} > {bound:.1%} (target {goal:.0%})"
        return
    assert share >= bound, f"{style} {target} {share:.1%} < {bound:.1%} (target {goal:.0%})"


# -- calibration: ask back rather than guess ---------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["which language for an online store", "which language for a startup"],
)
def test_a_need_resting_on_one_word_with_a_close_second_reading_is_asked_back(
    answerer: QuestionAnswerer, question: str
) -> None:
    asked = answerer.understand(question)
    assert (asked.intent, asked.outcome) == (Intent.USE_CASE, Outcome.ASKED_BACK)
    assert len(asked.topic_ids) >= 2


@pytest.mark.parametrize(
    ("question", "pick"),
    [
        (
            "I want a tiny JSON API for our Node.js tools at work. Nothing fancy, small and easy"
            " to learn. What should I use?",
            "express",
        ),
        (
            "We want a small service with a few JSON endpoints for our Python tools. Something"
            " quick to learn. What should we use?",
            "flask",
        ),
    ],
)
def test_a_kind_word_in_passing_in_the_background_does_not_limit_the_pick(
    answerer: QuestionAnswerer, question: str, pick: str
) -> None:
    asked = answerer.understand(question)
    assert asked.intent is Intent.USE_CASE
    assert pick in asked.topic_ids


# -- the same answer in every process ------------------------------------------------------------

_ANSWER_EVERY_QUESTION = """
import sys
from bot.knowledge import bundled_knowledge_path, load_knowledge
from bot.questions import QuestionAnswerer
from tests.evaluation import HOLDOUT_SETS, TUNE_SETS, VALIDATION_SETS, load_entries

answerer = QuestionAnswerer(load_knowledge(bundled_knowledge_path()))
# every third question: 20,000 of them show an answer hanging on set order as surely as all
for entry in load_entries((*TUNE_SETS, *VALIDATION_SETS, *HOLDOUT_SETS))[::3]:
    asked = answerer.understand(entry["q"])
    canned = asked.canned.id if asked.canned else ""
    print(asked.outcome, asked.intent, asked.topic_ids, asked.section_id, canned)
"""


@pytest.mark.timeout(600)  # three passes over a third of the eval questions: minutes when busy
def test_every_answer_is_the_same_whatever_the_hash_seed() -> None:
    """Set order changes with PYTHONHASHSEED: no answer may depend on it ("k thanks bye")."""
    root = Path(__file__).parent.parent
    passes = [  # side by side, not one after another
        subprocess.Popen(
            [sys.executable, "-c", _ANSWER_EVERY_QUESTION],
            stdout=subprocess.PIPE,
            text=True,
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)},
        )
        for seed in ("0", "1", "2")
    ]
    outputs = [run.communicate()[0] for run in passes]
    assert [run.returncode for run in passes] == [0, 0, 0]
    assert outputs[0].count("\n") > 1000
    assert outputs[0] == outputs[1] == outputs[2]


# -- subject: which named topic a message is about ---------------------------------------------

_SUBJECT = table(
    {
        "technology named clearly that lists an everyday name as related confirms it": [
            (
                "bro the IT ppl at the shipping office always talk kubernetes but wat is docker"
                " first of all",
                expect(intent=Intent.TOPIC, topics=("docker",)),
            ),
        ],
        "a framework set against its own language said plain is the framework asked about": [
            (
                "i learn java in university long ago, now job want spring boot. what it give more"
                " than plain java?",
                expect(intent=Intent.TOPIC, topics=("spring-boot",)),
            ),
            (  # two languages: a comparison still
                "plain php versus nodejs for a hobby forum",
                expect(intent=Intent.COMPARE, topics=("php", "javascript")),
            ),
        ],
        '"any good" asks how a name stands: the technology, with no everyday sign': [
            (
                "is R any good for running benford checks on ledgers or should i be using"
                " summat else",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            ("arduino lamp room sensors, mongodb any good", expect(topics=("mongodb",))),
            (
                "is monolith a bad word now or what",
                expect(intent=Intent.TOPIC, topics=("monolith",)),
            ),
            (
                "is rails still a thing in 2026 or did it die",
                expect(intent=Intent.TOPIC, topics=("rails",)),
            ),
        ],
        '"they" after technology told, then a plural the roadmap has': [
            (
                "My nephew does Kafka and Kubernetes stuff and he says first I gotta understand"
                " microservices. So what are they really?",
                expect(intent=Intent.TOPIC, topics=("microservices",)),
            ),
        ],
        "one skilled at a technology is the learner, told as background": [
            (
                "what should i know about databases section, im an excel wizard",
                expect(outcome=Outcome.ANSWERED, section="databases"),
            ),
        ],
        "'its' after the roadmap told last is the roadmap's": [
            (
                "I'm a Shopify developer and I work with APIs from the consuming side. I want the"
                " bigger picture from this roadmap. What does its APIs and microservices section"
                " cover?",
                expect(outcome=Outcome.ANSWERED, section="apis"),
            ),
        ],
        "'it' points past an aside in brackets at the name the clause is about": [
            (
                "My internship manager (we run Magento and Varnish) keeps talking about"
                " performance optimization in backend. what is it about in general?",
                expect(outcome=Outcome.ANSWERED, topics=("performance-optimization",)),
            ),
        ],
        "the names after a correction are the subjects": [
            (
                "gin or spring boot for a fintech job? no wait, i mean go vs java",
                expect(intent=Intent.COMPARE, topics=("go", "java")),
            ),
            (  # nothing named after it: what came before stands
                "my team writes ruby, and no, i don't mean rails, i mean the language itself."
                " what's ruby like?",
                expect(intent=Intent.TOPIC, topics=("ruby",)),
            ),
        ],
        "a name to be known 'better' is not compared": [
            (
                "our volunteers built a few things with Python and Google Sheets. I'd like a small"
                " hands-on project to understand PostgreSQL better. Any ideas?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.PROJECTS, topics=("postgresql",)),
            ),
        ],
        "what the learner has is background": [
            (
                "resources for the monitoring and performance part pls, we only have nagios",
                expect(outcome=Outcome.ANSWERED, section="monitoring-performance"),
            ),
        ],
        "the subject is the name nearest the question": [
            (
                "coming from express, nestjs docs?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, topics=("nestjs",)),
            ),
            (
                "i use mongo at work but want to learn sql, any good course?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, topics=("sql",)),
            ),
            (
                "I write Java at work. I'd like to try Spring Boot on weekends. Got any"
                " beginner tutorials?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, topics=("spring-boot",)),
            ),
            (
                "jwt oauth difference",
                expect(outcome=Outcome.ANSWERED, intent=Intent.COMPARE, topics=("jwt", "oauth")),
            ),
            (
                "firebase user here, is couchdb similar",
                expect(
                    outcome=Outcome.ANSWERED, intent=Intent.COMPARE, topics=("firebase", "couchdb")
                ),
            ),
            (  # which one of the two, for a need: the two compared, whichever fits it
                "i use express at work and django on side projects. which one for a realtime "
                "chat app with websockets",
                expect(outcome=Outcome.ANSWERED, intent=Intent.COMPARE, first=("express",)),
            ),
            (
                "spring boot and django, which one",
                expect(
                    outcome=Outcome.ANSWERED,
                    intent=Intent.COMPARE,
                    topics=("spring-boot", "django"),
                ),
            ),
            # the part after "but" is what the learner lacks; a comparative weighs the background
            (
                "i'm fine with mongodb but i'm weak at sql. any good tutorials?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, topics=("sql",)),
            ),
            (
                "flask user here, is django much heavier?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.COMPARE, topics=("flask", "django")),
            ),
            (
                "i finished the django tutorial, what should i build next?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.PROJECTS, topics=("django",)),
            ),
            (  # wanting to understand a name makes it the subject of the material asked for
                "I've been writing ORM queries in Django for two years without really"
                " understanding SQL. I'd like to fix that. Any recommended reading?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, topics=("sql",)),
            ),
            (  # "go wrong" is the verb; "a database server" is the kind of server, no topic
                "Honest question from a junior: our Express API is live and I'm the only one"
                " thinking about security. What are the main things that usually go wrong?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, topics=("security",)),
            ),
            (
                "I'm writing a small desktop tool in Python for my team to track equipment"
                " loans. Does it make sense to use SQLite instead of a real database server?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, topics=("sqlite",)),
            ),
            (  # a project asked for after a course is projects, not the next step of the path
                "I finished a Node.js course and understand the basics of Express. I learn best"
                " by building. What project should I try next?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.PROJECTS, topics=("express",)),
            ),
            (
                "I've containerized a hello world already. What's a more realistic project to"
                " practice Docker and compose?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.PROJECTS, topics=("docker",)),
            ),
            (  # a name told earlier, not as background, compared to the one in the question
                "We are five developers and our product is one Laravel app. A consultant"
                " suggests microservices. What do we gain and lose compared to staying with the"
                " monolith?",
                expect(
                    outcome=Outcome.ANSWERED,
                    intent=Intent.COMPARE,
                    topics=("microservices", "monolith"),
                ),
            ),
            # chat: the comma part that asks wins over the learner's own stack before it
            (
                "our monolith is 10 yrs old php, microservices worth it?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, topics=("microservices",)),
            ),
            (
                "rest is all i know lol, graphql worth it?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, topics=("graphql",)),
            ),
            (
                "sql dude here, firebase makes no sense to me, how does it store stuff",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, topics=("firebase",)),
            ),
            (
                "django feels heavy for my tiny api, flask better?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.COMPARE, topics=("django", "flask")),
            ),
            (
                "nestjs is just express with extra steps?",
                expect(
                    outcome=Outcome.ANSWERED, intent=Intent.COMPARE, topics=("nestjs", "express")
                ),
            ),
            (
                "i use express daily, nestjs any good?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, topics=("nestjs",)),
            ),
            (
                "learning java at uni, spring boot next?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, topics=("spring-boot",)),
            ),
            (
                "my team does rest, i wanna try graphql, tutorials?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, topics=("graphql",)),
            ),
            (  # ... but a last part telling what "we" use is context
                "where can i read up on ci cd pipelines, we use github and jenkins at work",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, topics=("ci-cd",)),
            ),
            (  # "a tiny cli tool" is what is built, not the kind of thing asked for
                "using postgres for a tiny cli tool feels overkill, sqlite?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, topics=("sqlite",)),
            ),
            (  # "please explain" asks, whatever the sentence after it tells
                "Please explain what monitoring and alerting mean for a web backend. I'm a new"
                " on-call engineer and I'm a bit scared.",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, topics=("monitoring",)),
            ),
            (  # "good" opens small talk, not a question asking for material
                "Been running servers in a basement for years lol. Want to learn AWS properly"
                " now. Good courses or docs?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, topics=("aws",)),
            ),
            (
                "We have jwt working for our own users. How does oauth work for third party login?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, topics=("oauth",)),
            ),
        ],
        "learners' words for material, needs and names": [
            (
                "where do i start with docker",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, first=("docker",)),
            ),
            (
                "free stuff to learn go?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, first=("go",)),
            ),
            (
                "wat should i watch to learn flask",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, first=("flask",)),
            ),
            (
                "how to get better at sql queries",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, first=("sql",)),
            ),
            (
                "rubi on rails still a thing?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, first=("rails",)),
            ),
            (
                "my node app throws errors and nobody notices, what do we add to get alerts",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("monitoring",)),
            ),
            (
                "We are a two-person startup and a cofounder wants microservices because big "
                "companies do. What architecture makes sense for us?",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("monolith",)),
            ),
        ],
        "chat shorthand is read as its words": [
            ("tel me about ruby", expect(outcome=Outcome.ANSWERED, first=("ruby",))),
        ],
        "a name spelt out or said as it sounds, however many words it takes": [
            ("what is gee see pee", expect(intent=Intent.TOPIC, topics=("gcp",))),
            ("is j w t safe for sessions", expect(first=("jwt",))),
            (
                "explain see eye see dee to me like im five",
                expect(intent=Intent.TOPIC, topics=("ci-cd",)),
            ),
            (
                "spring boot versus jango",
                expect(intent=Intent.COMPARE, topics=("spring-boot", "django")),
            ),
            ("got a new x press coffee machine", expect(confident=False)),
            (
                "sequel lite database is it a proper one or more like a toy for practising",
                expect(intent=Intent.TOPIC, topics=("sqlite",)),
            ),
            ("what is jay double you tee", expect(intent=Intent.TOPIC, topics=("jwt",))),
        ],
        "explain a name asks about it and noob is a learner's word": [
            (  # "quick": no need
                "explain microservices real quick",
                expect(outcome=Outcome.ANSWERED, first=("microservices",)),
            ),
            (
                "is docker hard to learn for a noob",
                expect(outcome=Outcome.ANSWERED, first=("docker",)),
            ),
        ],
        "what a name is good at is not getting good at it": [
            (
                "what is postgres good at",
                expect(intent=Intent.TOPIC, first=("postgresql",)),
            ),
        ],
        "a name the learner should know about is asked about": [
            (
                "I have written SQL reports for years but never designed a database myself. "
                "What should I know about database management?",
                expect(
                    outcome=Outcome.ANSWERED,
                    intent=Intent.TOPIC,
                    first=("database-management",),
                ),
            ),
        ],
        "asking what a name is answers that name, not its children": [
            (
                "My whole team builds shops with Laravel and I mostly did Ruby. Before I dive"
                " into the framework, what is PHP known for?",
                expect(intent=Intent.TOPIC, first=("php",), outcome=Outcome.ANSWERED),
            ),
            (
                "Our backend lead loves Spring Boot. Before I dive into the framework, what is"
                " Java known for?",
                expect(intent=Intent.TOPIC, first=("java",), outcome=Outcome.ANSWERED),
            ),
        ],
        # "why would someone choose it": "it" is NoSQL itself, not the Oracle told before
        "'it' after the name asked about is that name": [
            (
                "I studied relational databases at university with Oracle. The startup I joined"
                " uses NoSQL for everything. What is NoSQL and why would someone choose it?",
                expect(outcome=Outcome.ANSWERED, first=("nosql",)),
            ),
        ],
        "a name that is also a word is settled by its own use case": [
            (
                "django admin panel",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, topics=("django",)),
            ),
        ],
        "a keyword query led by an unsure name is not given a rival of its kind": [
            (
                "spring dependency injection",
                expect(outcome=Outcome.ASKED_BACK, topics=("spring-boot",)),
            ),
        ],
        "a name to be learnt is the subject among names told as context": [
            (
                "In my internship the team deploys with Docker and GitHub Actions, and I've been"
                " asked to learn CI/CD first. Where should I start reading?",
                expect(intent=Intent.RESOURCES, first=("ci-cd",)),
            ),
        ],
        "the difference asked after names told before: the pair told nearest the question": [
            (
                "Work background: Kafka, Kubernetes, Istio at a bank. A junior asked me if"
                " monoliths are always worse than microservices. How should I explain the"
                " difference?",
                expect(intent=Intent.COMPARE, topics=("monolith", "microservices")),
            ),
        ],
        "a need told with a topic's everyday word, that the topic fits best, is its use case": [
            (
                "domain name point to my server how",
                expect(intent=Intent.USE_CASE, first=("hosting-environment",)),
            ),
            ("what is a server", expect(intent=Intent.TOPIC, topics=("hosting-environment",))),
        ],
        "a name set apart by the question is not its subject": [
            (
                "What is Ruby good for, apart from Rails?",
                expect(intent=Intent.TOPIC, topics=("ruby",)),
            ),
        ],
        "names saying what something is for are not the subject": [
            (
                "is spring boot good for a java or kotlin backend",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, topics=("spring-boot",)),
            ),
            (
                "what is express for a node or deno app",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, topics=("express",)),
            ),
            (  # every name says what for: still the question's names
                "django or flask for a python beginner",
                expect(intent=Intent.COMPARE, first=("django", "flask")),
            ),
            (  # names saying who works with them
                "spring boot vs nestjs, deciding if we hire java folks or ts folks",
                expect(intent=Intent.COMPARE, topics=("spring-boot", "nestjs")),
            ),
            ("is django good for java devs", expect(intent=Intent.TOPIC, topics=("django",))),
        ],
        "a name that only describes the need is not the subject": [
            (  # a cloud's use case, not Docker
                "serverless containers for my api",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("gcp",)),
            ),
            (  # like Rails, for PHP
                "framework for rails-like php",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("laravel",)),
            ),
            (
                "express like framework for go",
                expect(outcome=Outcome.ANSWERED, intent=Intent.USE_CASE, first=("gin",)),
            ),
        ],
        "technology told as background is not the subject": [
            (
                "did a vue course, now where do i start with backend",
                expect(outcome=Outcome.ANSWERED, intent=Intent.OVERVIEW),
            ),
            (
                "finished a react bootcamp, where should I start",
                expect(outcome=Outcome.ANSWERED, intent=Intent.OVERVIEW),
            ),
            (
                "my team runs kubernetes but i want to know what docker is",
                expect(intent=Intent.TOPIC, first=("docker",)),
            ),
            (
                "did some laravel last year, at work it is all django now, what is it for",
                expect(first=("django",)),
            ),
        ],
        "where the learner comes from gives way to where they go": [
            (
                "from flask to django guide",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, first=("django",)),
            ),
            (
                "java to go transition",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, first=("go",)),
            ),
            (
                "docker done, ci/cd next",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, first=("ci-cd",)),
            ),
        ],
        "the name the learner comes from gives way to the one asked about": [
            (  # "after" a name: behind the learner
                "after docker what is ci cd",
                expect(confident=True, topics=("ci-cd",)),
            ),
            (  # "switching to": where they go
                "express user switching to nestjs",
                expect(confident=True, topics=("nestjs",)),
            ),
            (
                "python guy here, ppl say go is fast. what's go like",
                expect(confident=True, topics=("go",)),
            ),
            (  # a name of another kind: the background is still software context
                "we are an azure shop, what does docker do",
                expect(confident=True, topics=("docker",)),
            ),
        ],
        "a name before a trade and a role is the learner's background": [
            ("react frontend dev learning express", expect(confident=True, first=("express",))),
            (
                "a django backend developer here, what is nestjs",
                expect(confident=True, first=("nestjs",)),
            ),
            (  # how many people, no trade
                "monolith vs microservices two person team",
                expect(intent=Intent.COMPARE, topic_set={"monolith", "microservices"}),
            ),
        ],
        # "my api servers": theirs; "people" is no sign of the everyday sense of "servers"
        "names inside the learner's own phrase are context for a need": [
            (
                "keep ppl logged in across my api servers without sessions, how",
                expect(confident=True, first=("jwt",)),
            ),
        ],
        "a name told as what to learn is not weighed against needs told with it": [
            (
                "my company uses azure but i want to learn aws, is that a bad idea?",
                expect(confident=True, topics=("aws",)),
            ),
            (
                "im a unity game dev lol, friend says learn pyhton for backend, good idea?",
                expect(confident=True, topics=("python",)),
            ),
        ],
        "short background forms give way to the name asked about": [
            (  # "knows": a form of "know"
                "knows sql, new to mongodb",
                expect(confident=True, topics=("mongodb",)),
            ),
            ("aws certified, learning azure", expect(confident=True, topics=("azure",))),
            (  # "<time> of": experience
                "ten years of java, picking up go",
                expect(confident=True, topics=("go",)),
            ),
            (
                "python coder picking up rust",
                expect(outcome=Outcome.NOT_COVERED, topics=()),
            ),
        ],
        # the roadmap's name nearer the question words is asked about; technology the
        # roadmap lacks, told first in the same sentence, is the learner's context
        "technology the roadmap lacks told before a roadmap name asked about": [
            (
                "we use wordpress already - what is laravel for",
                expect(confident=True, topics=("laravel",)),
            ),
            (
                "migrating from mariadb, postgres what is it good at",
                expect(confident=True, topics=("postgresql",)),
            ),
            (
                "data engineer on spark, my company's backend is spring boot, what is it good for",
                expect(confident=True, topics=("spring-boot",)),
            ),
            (
                "im a heroku free tier refugee whats gcp like",
                expect(confident=True, topics=("gcp",)),
            ),
            (  # the roadmap's name only says what the thing is for: the thing is asked about
                "redis for caching, how do i set it up",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            ("what is kotlin, i know java", expect(outcome=Outcome.NOT_COVERED)),
        ],
        "is it a good next step after a name asks about that name": [
            (
                "In my CS degree we did C and Java. I want to build web backends now, and people"
                " keep mentioning Spring Boot. Is it a good next step?",
                expect(confident=True, first=("spring-boot",)),
            ),
            ("done with flask, whats next", expect(intent=Intent.OVERVIEW)),
        ],
        # "a java shop" is a company, not an online shop
        "the word for who the learner is is no need": [
            (
                "bootcamp was all node n express, now interviewing at a java shop, is sprinboot"
                " hard",
                expect(confident=True, topics=("spring-boot",)),
            ),
        ],
        "'for beginners' alone is no software context for a need": [
            ("chess openings for beginners", expect(outcome=Outcome.REFUSED)),
        ],
        "a kind word may stand for the kind in a name": [
            (  # "document database"
                "what is a document db",
                expect(confident=True, topics=("nosql",)),
            ),
        ],
    }
)


_ASKED_ABOUT = table(
    {
        "a project that uses or needs something is the learner's, not projects asked for": [
            (
                "new project uses mongo, mongodb pros and cons",
                expect(confident=True, intent=Intent.TOPIC, topics=("mongodb",)),
            ),
        ],
        "'what reading' asks for material; reading followed by a thing is a program's": [
            (
                "what reading do you suggest for the databases section",
                expect(intent=Intent.RESOURCES, section="databases"),
            ),
        ],
        "a course the learner is doing is told, not asked for": [
            (
                "im doing a docker course rn, any project ideas?",
                expect(intent=Intent.PROJECTS, topics=("docker",)),
            ),
        ],
        "a topic named in the asking sentence outweighs technology lacking told before it": [
            (
                "my engineers argue about kafka vs rabbitmq every standup. that's not my question"
                " though: why would a company split its system into microservices at all?",
                expect(confident=True, intent=Intent.TOPIC, topics=("microservices",)),
            ),
        ],
        "'that idea' is the thinking behind something, not project ideas": [
            (
                "used dropbox for years to sync my files, is couchdb kind of that idea but for "
                "app data?",
                expect(confident=True, intent=Intent.TOPIC, topics=("couchdb",)),
            ),
        ],
        "'it' after a name asked about earlier in the sentence is that name": [
            (
                "what even is spring boot, is it just java",
                expect(confident=True, first=("spring-boot",)),
            ),
            ("what is docker, is it like a vm", expect(confident=True, first=("docker",))),
        ],
        "a project told before a name asked what it is is no request for projects": [
            (
                "used to php, now a node project crashes — what's express and why do ppl use it",
                expect(confident=True, intent=Intent.TOPIC, first=("express",)),
            ),
            (
                "php before, a node project crashes, what's express for",
                expect(confident=True, intent=Intent.TOPIC, first=("express",)),
            ),
        ],
        "'what <name> is' asks what the name is": [
            (
                "pls explain what docker is in simple words, my english not so good",
                expect(confident=True, intent=Intent.TOPIC, topics=("docker",)),
            ),
            (
                "im a react dev n everyone says learn node for backend, so what even is express",
                expect(confident=True, intent=Intent.TOPIC, first=("express",)),
            ),
            (
                "vb6 maintainer curious what ruby is",
                expect(confident=True, intent=Intent.TOPIC, topics=("ruby",)),
            ),
            ("i wonder what spring is in paris", expect(confident=False)),
            ("docker what is it in simple words pls", expect(confident=True, topics=("docker",))),
            ("can sum1 explain docker like im 5", expect(confident=True, topics=("docker",))),
            ("monolith meaning??", expect(confident=True, topics=("monolith",))),
            ("what's azure, roughly", expect(confident=True, topics=("azure",))),
            ("so what does azure do exactly", expect(confident=True, topics=("azure",))),
            (
                "so what's nestjs exactly, a server? a library? a vibe?",
                expect(confident=True, intent=Intent.TOPIC, first=("nestjs",)),
            ),
            (
                "our designer asks: a new product gets a backend built with node.js. what is "
                "node.js and why would a team choose it?",
                expect(confident=True, intent=Intent.TOPIC, first=("javascript",)),
            ),
            (  # "what even is", "what exactly is": a word of stress between
                "at my last job we used kubernetes and terraform for everything, now we just use "
                "docker compose on one box so what exactly is docker doing on its own",
                expect(confident=True, intent=Intent.TOPIC, first=("docker",)),
            ),
            (
                "we use grpc between services and apollo on the front but what even is graphql "
                "under it",
                expect(confident=True, intent=Intent.TOPIC, first=("graphql",)),
            ),
            (  # what a name means, asked in a later sentence than its first mention
                "we're arguing about what REST actually means. One says it's just 'JSON over "
                "HTTP', the other says it's more than that. Who's right?",
                expect(confident=True, intent=Intent.TOPIC, first=("rest",)),
            ),
            (
                "I'm writing a blog post about monitoring. I want to explain what monitoring "
                "means for a backend app and why teams care about it. Can you give me the main "
                "idea?",
                expect(confident=True, intent=Intent.TOPIC, first=("monitoring",)),
            ),
            (
                "what does azure colour look like, thinking about it for my wedding invitations",
                expect(confident=False),
            ),
        ],
        "the roadmap named is software context; another word of a name's root is no name": [
            (
                "what does the roadmap say about monoliths",
                expect(confident=True, intent=Intent.TOPIC, topics=("monolith",)),
            ),
            (
                "does the roadmap cover express",
                expect(confident=True, intent=Intent.TOPIC, topics=("express",)),
            ),
            ("what does this roadmap contain", expect(intent=Intent.OVERVIEW)),
        ],
        "a name to be learnt outweighs one everyday sign": [
            (
                "I modded games in Lua and C for years and I want to pick up Go for backend"
                " work. Where should I learn Go?",
                expect(confident=True, intent=Intent.RESOURCES, topics=("go",)),
            ),
            (
                "my little bro wants to learn go the board game, any apps for kids",
                expect(confident=False),
            ),
            ("where can my daughter learn to cut a ruby gem", expect(confident=False)),
        ],
        "a name compared with what goes unnamed is asked about alone": [
            (
                "I work with PHP and MySQL for many years. My new company has PostgreSQL. What is"
                " special in PostgreSQL compared to what I know?",
                expect(confident=True, intent=Intent.TOPIC, topics=("postgresql",)),
            ),
            (
                "I work with MySQL. What is special in PostgreSQL compared to MySQL?",
                expect(intent=Intent.COMPARE, topic_set={"mysql", "postgresql"}),
            ),
        ],
        "a general word after what a topic is good for tells no need": [
            (
                "The vendor of our new appointment portal built it in PHP and I'll have to"
                " support it. What is PHP good for these days?",
                expect(confident=True, intent=Intent.TOPIC, topics=("php",)),
            ),
        ],
        "a word of a name's everyday sense is no typo in a misspelt name": [
            ("gin tonic", expect(confident=False)),  # no misspelt "gin gonic": the drink
            ("gin gonic routing", expect(confident=True, topics=("gin",))),
        ],
        "another form of a comparing word is no comparing word": [
            (
                "I maintain an old CodeIgniter app at work and we've decided to rewrite it. I'd"
                " like to learn Laravel before the project starts. Which resources do you"
                " suggest?",
                expect(confident=True, intent=Intent.RESOURCES, topics=("laravel",)),
            ),
            (
                "deciding between django and flask",
                expect(intent=Intent.COMPARE, topics=("django", "flask")),
            ),
        ],
        "the roadmap asked about a need told before is asked for the need": [
            (
                "Four teams work on one system and one team's bug blocks every release. Someone"
                " suggested splitting it into separately deployed parts. Does the roadmap have a"
                " name for that?",
                expect(confident=True, intent=Intent.USE_CASE, first=("microservices",)),
            ),
            (
                "our bank app needs safe money transactions. which part of the roadmap deals"
                " with that?",
                expect(confident=True, intent=Intent.USE_CASE, first=("sql",)),
            ),
            ("What does this roadmap contain, in order?", expect(intent=Intent.OVERVIEW)),
        ],
        "a project word is the learner's own only by the words of its own sentence": [
            (
                "I'm building a portfolio for backend roles. Which projects does the roadmap"
                " recommend for the APIs and microservices part?",
                expect(intent=Intent.PROJECTS, section="apis"),
            ),
        ],
        "'or' compares names, not other things": [
            ("django or flask?", expect(intent=Intent.COMPARE, topics=("django", "flask"))),
            (
                "postgres, mongo or something else for chat",
                expect(intent=Intent.COMPARE, first=("postgresql", "mongodb")),
            ),
            (
                "im learning gin for a go project with my cousin. any good docs or tutorials"
                " to start with?",
                expect(confident=True, intent=Intent.RESOURCES, topics=("gin",)),
            ),
        ],
        "technology the roadmap lacks told before the part naming a topic is background": [
            (  # only the learner's background; "it" points at the topic told last
                "i do angular at work, someone said nestjs feels the same, is that true what is it",
                expect(outcome=Outcome.ANSWERED, intent=Intent.TOPIC, first=("nestjs",)),
            ),
            (  # "it" points back at the technology the roadmap lacks
                "Our site got slow and a senior said to put Redis in front of the database. I've"
                " never used Redis. How do I set it up for caching sessions?",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (
                "jenkins at work, github actions basics",
                expect(outcome=Outcome.ANSWERED, first=("ci-cd",)),
            ),
            (
                "terraform and ansible at work, docker tutorial",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, first=("docker",)),
            ),
            ("oracle dba learning postgres", expect(confident=True, first=("postgresql",))),
            ("powershell admin learning aws basics", expect(confident=True, first=("aws",))),
            (  # "now what is": what the name is, not what comes next
                "i use access and excel for the bocce club since 15 years, now what is sqlite? is "
                "easy?",
                expect(outcome=Outcome.ANSWERED, first=("sqlite",)),
            ),
            (  # moving to a topic from technology the roadmap lacks: the topic
                "excel macros to php where to learn",
                expect(outcome=Outcome.ANSWERED, intent=Intent.RESOURCES, first=("php",)),
            ),
            (  # material for what the roadmap lacks, with a name: not the name's
                "redis caching tutorial node",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (  # asked what it is: the technology itself
                "whats jenkins, is it like github actions",
                expect(outcome=Outcome.NOT_COVERED),
            ),
            (  # a roadmap topic asked what it is, set against what was told before
                "I come from the embedded world, C and a bit of C++. Now my company wants me in"
                " the Java team. What is Java used for on the backend, and is it very different?",
                expect(confident=True, intent=Intent.TOPIC, topics=("java",)),
            ),
            (
                "In my previous job we used MS SQL and Access. What is PostgreSQL good at"
                " compared to what I know?",
                expect(confident=True, intent=Intent.TOPIC, topics=("postgresql",)),
            ),
        ],
        "the roadmap itself named is the overview; someone's own roadmap is not": [
            ("whole roadmap in short", expect(outcome=Outcome.ANSWERED, intent=Intent.OVERVIEW)),
            ("gimme the roadmap summary", expect(outcome=Outcome.ANSWERED, intent=Intent.OVERVIEW)),
            ("product roadmap template for q3", expect(confident=False)),
            ("our roadmap for q3 is late, any tips", expect(confident=False)),
        ],
    }
)


@pytest.mark.parametrize(("question", "expected"), _SUBJECT + _ASKED_ABOUT)
def test_the_subject_of_a_message(
    answerer: QuestionAnswerer, question: str, expected: dict[str, object]
) -> None:
    assert aspects_of(answerer.understand(question), expected) == expected


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("what is sqs", "Amazon SQS"),
        ("mqtt for my sensors?", "MQTT"),
        ("rabbitmq basics", "RabbitMQ"),
        ("how does a message queue work", "Message queues"),
        ("eureka service discovery still a thing in 2024 or nah", "Eureka"),
        ("what is dapr", "Dapr"),
        ("livewire vs inertia", "Livewire"),
        ("is railway.app good for hosting", "Railway.app"),
        (
            "I'm a PHP developer and we use Symfony at work. Is Symfony part of this roadmap,"
            " and where does it fit next to Laravel?",
            "Symfony",
        ),
        ("i do embedded work in c. is that covered in the roadmap?", "C"),
        (
            "I write Cypress tests at work. Does this roadmap cover automated testing, like"
            " unit tests?",
            "Testing",
        ),
        ("sorry for my english. i program 1C at work, does the roadmap say anything on 1C?", "1C"),
        ("bun vs node speed", "Bun"),
        ("tailwind navbar toggle not working", "Tailwind CSS"),
        ("getting ORA-12154 when i connect to oracle", "Oracle Database"),
        ("ibm mq queue manager setup", "IBM MQ"),
        ("what does cafka do", "Kafka"),
        ("is cassandra any good for iot sensor data", "Cassandra"),
        ("i build shopify themes. does this roadmap teach shopify apps?", "Shopify"),
    ],
)
def test_technology_the_roadmap_lacks_is_said_not_covered_under_its_own_name(
    answerer: QuestionAnswerer, question: str, named: str
) -> None:
    understanding = answerer.understand(question)
    assert understanding.outcome is Outcome.NOT_COVERED
    assert [entry.name for entry in understanding.not_covered] == [named]


def test_a_name_the_learner_is_done_with_gives_way_to_the_next_one(
    answerer: QuestionAnswerer,
) -> None:
    understanding = answerer.understand("yo how do i deploy to kubernets, docker part is done")
    assert understanding.outcome is Outcome.NOT_COVERED
    assert [entry.name for entry in understanding.not_covered] == ["Kubernetes"]


def test_material_asked_for_after_a_need_told_around_a_name_is_for_the_need(
    answerer: QuestionAnswerer,
) -> None:
    understanding = answerer.understand(
        "Our backend is one Express app and a new requirement is that partners' systems can log "
        "in to our API without a human typing a password. What should I read about?"
    )
    assert understanding.confident and understanding.intent is Intent.USE_CASE
    assert understanding.topic_ids[0] in ("oauth", "jwt")
    wanted = answerer.understand(
        "Our REST API isn't really RESTful, they say. I'd like to read something good about REST "
        "principles before I argue back. Any recommended resources?"
    )
    assert (wanted.intent, wanted.topic_ids[:1]) == (Intent.RESOURCES, ("rest",))


def test_what_is_the_way_to_do_something_with_the_learners_own_stack_is_a_need(
    answerer: QuestionAnswerer,
) -> None:
    understanding = answerer.understand(
        "I write data pipelines in Python all day, and now the analysts want a small internal web "
        "page to trigger them. What is the quickest way to put a web interface on my Python code?"
    )
    assert understanding.confident and understanding.intent is Intent.USE_CASE
    assert understanding.topic_ids[0] in ("flask", "django")


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "we wrote our backend in python but it can't handle many websockets, "
            "which language is better at that",
            "python",
        ),
        ("we use mysql but full text search is slow, which database is better for that", "mysql"),
    ],
)
def test_which_of_a_kind_after_one_of_that_kind_told_failing_asks_for_another(
    answerer: QuestionAnswerer, question: str, named: str
) -> None:
    understanding = answerer.understand(question)
    assert understanding.confident and understanding.intent is Intent.USE_CASE
    assert named not in understanding.topic_ids


def test_which_one_after_names_of_one_kind_picks_among_them(answerer: QuestionAnswerer) -> None:
    understanding = answerer.understand(
        "I use Laravel at work and Rails on side projects. Which one is better for a solo "
        "developer building an MVP?"
    )
    assert understanding.confident
    assert understanding.topic_ids and set(understanding.topic_ids) <= {"laravel", "rails"}


def test_a_way_asked_for_in_a_software_situation_offers_the_need_rather_than_refusing(
    answerer: QuestionAnswerer,
) -> None:
    understood = answerer.understand("the site was hacked twice, how do we not get hacked again")
    assert understood.outcome is not Outcome.REFUSED
    assert understood.topic_ids[0] == "security"
    taxes = "my website sells shoes, what should i do about taxes"
    assert answerer.understand(taxes).outcome is Outcome.REFUSED

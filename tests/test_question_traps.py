"""Free-text messages that must not get a roadmap answer: everyday senses, small talk, off topic."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.knowledge import Knowledge
from bot.learned import load_companion
from bot.questions import QuestionAnswerer
from bot.understanding import Intent, Outcome
from bot.wording import split_message, without_guesses


@pytest.fixture(scope="module")
def answerer(knowledge: Knowledge) -> QuestionAnswerer:
    """The rules with the intent and need models' second opinions, without the doubt model.

    The doubt model may ask any confident answer back, and moves with every retraining: what
    it gains is measured by the eval targets, how it asks back by tests/test_learned.py.
    """
    learned = load_companion(knowledge.path)
    assert learned is not None
    return QuestionAnswerer(knowledge, replace(learned, doubt=None))


@pytest.mark.parametrize(
    "question",
    [
        "spring onions in a stir fry, raw or cooked",
        "which couch fabric is best to clean with cats",
        "which firebase in vietnam is worth visiting for history",
        "In our typography we have old Heidelberg platen press from the sixties. Yesterday the"
        " spring on the gripper bar is broken and machine stops every sheet. Where I can find a"
        " replacement spring for so old press?",
    ],
)
def test_a_name_among_words_foreign_to_the_roadmap_is_refused_not_asked_back(
    answerer: QuestionAnswerer, question: str
) -> None:
    assert answerer.understand(question).outcome is Outcome.REFUSED
    assert answerer.understand("flask layout").outcome is Outcome.ASKED_BACK


def test_an_unsure_name_among_foreign_words_lends_no_other_topics_need(
    answerer: QuestionAnswerer,
) -> None:
    # "near me" is a word of a location use case; the go kart track is no software need
    kart = answerer.understand("a go kart track opened near me, worth a try?")
    assert kart.outcome is Outcome.REFUSED


def test_a_message_with_no_software_word_gets_no_use_case_guess(
    answerer: QuestionAnswerer,
) -> None:
    trip = "We're planning a trip to Japan for the team offsite. What are good places to visit?"
    assert answerer.understand(trip).outcome is Outcome.REFUSED
    # two words that stand for a shop's needs, with no software word, are no clear need
    assert not answerer.understand("should i sell on ebay or etsy").confident


def test_a_statement_of_a_need_ending_in_a_talk_word_is_the_need(
    answerer: QuestionAnswerer,
) -> None:
    offline = "a phone app that works in the subway with no signal and syncs later"
    understanding = answerer.understand(offline)
    assert not understanding.small_talk and understanding.intent is Intent.USE_CASE
    assert understanding.topic_ids[0] in ("couchdb", "firebase")
    for talk in (
        "thanks, got my app deployed on the server finally, it works now",
        "the app finally works now thanks a lot",
    ):
        assert answerer.understand(talk).small_talk


def test_amazon_is_aws_only_in_software_talk(answerer: QuestionAnswerer) -> None:
    assert answerer.understand("is amazon good for hosting a django app").topic_ids[0] == "aws"
    assert not answerer.understand("my amazon package never arrived").confident


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("good morning! i'm new here. where do i start with backend?", Intent.OVERVIEW),
        ("hello? is anyone there? i need help with mongodb", Intent.TOPIC),
        ("good bot. now tell me about graphql", Intent.TOPIC),
        ("lol that's not what i asked, i wanted resources for python", Intent.RESOURCES),
    ],
)
def test_a_request_after_small_talk_is_answered(
    answerer: QuestionAnswerer, question: str, intent: Intent
) -> None:
    understanding = answerer.understand(question)
    assert (understanding.outcome, understanding.intent) == (Outcome.ANSWERED, intent)


@pytest.mark.parametrize(
    "question",
    [
        "great, thanks for the help with sql!",
        "Thanks, that answer about Django was exactly what I needed. See you later!",
        "Hey, I found this bot in our server. No question yet, I wanted to see what you are.",
    ],
)
def test_thanks_about_a_name_and_clauses_with_what_are_small_talk(
    answerer: QuestionAnswerer, question: str
) -> None:
    assert answerer.understand(question).small_talk
    assert not answerer.understand("thanks, now what is sql?").small_talk


@pytest.mark.parametrize(
    "question",
    [
        "We moved our app into Docker and now the team wants Kubernetes. What is it and when "
        "do you need it?",
        "my boss wants us to use Kotlin for the new services. What does it offer over plain Java?",
        "terraform?? my buddy says i gotta learn it to set up our aws stuff for the paintball "
        "site. what even is it",
    ],
)
def test_it_pointing_at_technology_the_roadmap_lacks_is_not_covered(
    answerer: QuestionAnswerer, question: str
) -> None:
    assert answerer.understand(question).outcome is Outcome.NOT_COVERED
    mongo = "My team uses MongoDB. What is MongoDB, and what is it good at?"
    assert answerer.understand(mongo).topic_ids[:1] == ("mongodb",)


@pytest.mark.parametrize(
    "question",
    [
        "I made a small Python program that calculates the cleaning turns for our holiday "
        "houses. Now a friend say to put it online with FastAPI because is modern and very "
        "fast. What is FastAPI and how it works? Is easy for someone that knows just a little "
        "Python?",
        "Got the puppet theatre site on a little VPS and a lad on a forum said stick nginx in "
        "front of it. I ay got a clue what nginx does. Can yow explain it simple, like?",
        "Me pikin say im wan learn Flutter for make phone app for we laundry. Ar nor sabi wetin "
        "Flutter be. E good for beginner?",
        "Mi sister run a stained glass shop an she want a chatbot pon di website. Somebody tell "
        "her fi use di OpenAI API. How dat work?",
        "At the telecom contractor I rig for, the IT lads run a Jenkins server for all their "
        "builds. I'd like to learn to write a Jenkinsfile so I can give them a hand. Where do I "
        "start with Jenkins?",
        "Right now de campground site on WordPress an I want a plugin where people pick dey tent "
        "spot on a map. Which WordPress booking plugin yinna recommend?",
    ],
)
def test_technology_the_roadmap_lacks_asked_about_is_not_covered_by_a_need_told_around_it(
    answerer: QuestionAnswerer, question: str
) -> None:
    assert answerer.understand(question).outcome is Outcome.NOT_COVERED


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        (
            "I've heard Laravel makes PHP pleasant to write. What is it, and is it a good next "
            "step for someone who already knows a bit of PHP?",
            "laravel",
        ),
        ("People say Django makes Python web apps easy. What is it exactly?", "django"),
        ("i know python and sql. my team just started using docker. what is it", "docker"),
        ("I use Flask. Is it good for REST APIs?", "flask"),
        ("Docker is confusing me. How do I use it with Postgres?", "docker"),
        (
            "I know a bit of JavaScript from making websites. What would using it on the server "
            "look like, and what is it good at?",
            "javascript",
        ),
    ],
)
def test_it_points_at_the_first_name_of_the_clause_told_last_not_at_one_the_learner_knows(
    answerer: QuestionAnswerer, question: str, topic: str
) -> None:
    understanding = answerer.understand(question)
    assert (understanding.intent, understanding.topic_ids[:1]) == (Intent.TOPIC, (topic,))


def test_a_yes_or_no_question_about_a_name_asks_about_it_not_for_a_need(
    answerer: QuestionAnswerer,
) -> None:
    go = answerer.understand(
        "I did Python at university and now a startup offered me a job writing Go. Is Go hard "
        "to pick up?"
    )
    assert (go.outcome, go.intent, go.topic_ids[:1]) == (Outcome.ANSWERED, Intent.TOPIC, ("go",))
    node = answerer.understand(
        "I only know HTML and CSS. Is JavaScript enough to build a backend with Node?"
    )
    assert (node.intent, node.topic_ids[:1]) == (Intent.TOPIC, ("javascript",))
    assert answerer.understand("what can i build with express").intent is Intent.PROJECTS
    first = answerer.understand("ppl said learn node for backend. is node ok for a first backend?")
    assert first.topic_ids == ("javascript",)  # Node itself, not one of its frameworks


def test_reading_followed_by_a_thing_is_what_a_program_does_not_material(
    answerer: QuestionAnswerer,
) -> None:
    replicas = answerer.understand("read replicas in postgres")
    assert (replicas.intent, replicas.topic_ids) == (Intent.TOPIC, ("postgresql",))
    data = answerer.understand("how to read data from mongodb in express")
    assert data.intent is not Intent.RESOURCES
    docs = answerer.understand("what should i read about docker")
    assert (docs.intent, docs.topic_ids) == (Intent.RESOURCES, ("docker",))


def test_a_name_to_be_learnt_is_what_a_where_should_i_start_asks_about(
    answerer: QuestionAnswerer,
) -> None:
    sql = answerer.understand(
        "I use MongoDB at work but I want to learn SQL. Where should I start?"
    )
    assert (sql.outcome, sql.topic_ids[:1]) == (Outcome.ANSWERED, ("sql",))
    assert sql.intent is not Intent.USE_CASE


def test_worth_learning_asks_about_the_name_not_for_material(answerer: QuestionAnswerer) -> None:
    spring = answerer.understand("i know kotlin from android stuff, is spring boot worth learning")
    assert (spring.intent, spring.topic_ids) == (Intent.TOPIC, ("spring-boot",))
    where = answerer.understand("is docker worth learning, and where do i learn it")
    assert where.intent is Intent.RESOURCES


def test_something_to_build_asks_for_projects_but_something_to_make_it_faster_does_not(
    answerer: QuestionAnswerer,
) -> None:
    sql = answerer.understand("need smth to build so i actually learn sql queries")
    assert (sql.intent, sql.topic_ids) == (Intent.PROJECTS, ("sql",))
    faster = answerer.understand("i need something to make my api faster")
    assert faster.intent is not Intent.PROJECTS


def test_material_asked_for_it_makes_the_name_told_before_the_technology(
    answerer: QuestionAnswerer,
) -> None:
    django = answerer.understand(
        "I'm preparing for an internship interview next week where they use Django. Could you "
        "point me to good material to study it?"
    )
    assert (django.intent, django.topic_ids) == (Intent.RESOURCES, ("django",))
    pet = "my grandma gave me a python as a pet. any books on caring for it?"
    assert not answerer.understand(pet).confident


def test_what_to_build_with_a_name_asks_for_projects_even_for_an_outside_purpose(
    answerer: QuestionAnswerer,
) -> None:
    hired = answerer.understand("what should i build with django to get hired")
    assert (hired.intent, hired.topic_ids) == (Intent.PROJECTS, ("django",))
    weekend = answerer.understand("what can i build in a weekend with flask")
    assert (weekend.intent, weekend.topic_ids) == (Intent.PROJECTS, ("flask",))
    assert not answerer.understand("how do i make a cocktail with gin").confident
    command = answerer.understand("go build fails with undefined error")  # the go command
    assert (command.intent, command.topic_ids) == (Intent.TOPIC, ("go",))


def test_a_course_on_a_name_finished_makes_it_the_technology(answerer: QuestionAnswerer) -> None:
    done = answerer.understand("bro i just finished a python course whats next")
    assert (done.outcome, done.intent) == (Outcome.ANSWERED, Intent.OVERVIEW)
    mega = answerer.understand("did the flask mega tutorial, now what")  # flask is no doubt
    assert (mega.outcome, mega.intent) == (Outcome.ANSWERED, Intent.OVERVIEW)


def test_a_name_learnt_before_is_no_subject_nor_word_of_a_need(answerer: QuestionAnswerer) -> None:
    django = answerer.understand("after learning python where do i learn django")
    assert (django.intent, django.topic_ids) == (Intent.RESOURCES, ("django",))
    nest = answerer.understand(
        "After learning Express, I'm confused about where NestJS fits. Is it a replacement?"
    )
    assert (nest.intent, nest.topic_ids[:1]) == (Intent.TOPIC, ("nestjs",))
    for done in ("i learned sql what next", "after learning sql what next"):
        assert answerer.understand(done).intent is Intent.OVERVIEW


def test_the_kind_asked_for_next_after_names_of_that_kind_offers_others(
    answerer: QuestionAnswerer,
) -> None:
    tired = answerer.understand(
        "I spent two years with PHP and Laravel and I'm tired of it. What language should I "
        "learn next for backend?"
    )
    assert tired.outcome is Outcome.ASKED_BACK and tired.intent is Intent.USE_CASE
    assert "php" not in tired.topic_ids and tired.topic_ids
    after = answerer.understand("which database after sqlite")
    assert after.outcome is Outcome.ASKED_BACK and "sqlite" not in after.topic_ids
    # a step's name after "after" is the step behind the learner, not the kind asked for
    assert answerer.understand("what comes after databases").intent is Intent.OVERVIEW


@pytest.mark.parametrize(
    ("question", "intent", "topics"),
    [
        (
            "I want a portfolio project with Express that impresses recruiters. Ideas?",
            Intent.PROJECTS,
            ("express",),
        ),
        ("what should i read to understand web security properly", Intent.RESOURCES, ("security",)),
        (
            "I'd like to pick up Go over the summer. Where should I look for good learning "
            "material?",
            Intent.RESOURCES,
            ("go",),
        ),
        ("just finished the databases section, what now", Intent.OVERVIEW, ()),
        (
            "My team is moving our apps into containers next quarter. I've never touched Docker. "
            "What should I read first?",
            Intent.RESOURCES,
            ("docker",),
        ),
        (
            "The company is splitting the monolith into microservices this year. Any book you'd "
            "recommend to prepare?",
            Intent.RESOURCES,
            ("microservices",),
        ),
        ("how do i get up to speed on docker", Intent.RESOURCES, ("docker",)),
        ("what's the next step after apis", Intent.OVERVIEW, ()),
        (
            "I'm switching careers from teaching. What should I learn first to become a backend "
            "developer?",
            Intent.OVERVIEW,
            (),
        ),
    ],
)
def test_requests_for_material_projects_and_the_path_in_learners_words(
    answerer: QuestionAnswerer, question: str, intent: Intent, topics: tuple[str, ...]
) -> None:
    understanding = answerer.understand(question)
    assert (understanding.outcome, understanding.intent) == (Outcome.ANSWERED, intent)
    assert understanding.topic_ids == topics


def test_the_learners_own_course_is_no_request_for_material(answerer: QuestionAnswerer) -> None:
    couch = answerer.understand("My course mentions CouchDB. What is it and who uses it?")
    assert (couch.intent, couch.topic_ids[:1]) == (Intent.TOPIC, ("couchdb",))
    read = answerer.understand("I keep reading about CouchDB. What is it?")
    assert (read.intent, read.topic_ids[:1]) == (Intent.TOPIC, ("couchdb",))


def test_two_names_of_one_kind_are_each_others_context_across_a_word_near_a_name(
    answerer: QuestionAnswerer,
) -> None:
    django = answerer.understand(  # "posting" is near "hosting": no name between them
        "I know Flask pretty well, but the job posting asks for Django experience. Can you "
        "tell me about Django?"
    )
    assert (django.outcome, django.topic_ids) == (Outcome.ANSWERED, ("django",))


def test_it_of_is_it_time_to_points_at_nothing(answerer: QuestionAnswerer) -> None:
    split = answerer.understand(
        "We run everything in one Node process. When is it time to split into microservices?"
    )
    assert split.topic_ids[:1] == ("microservices",)


def test_names_kept_as_software_are_context_for_a_name_of_another_kind(
    answerer: QuestionAnswerer,
) -> None:
    wat = answerer.understand("ok so i know python n flask, now every job wants docker?? wat is it")
    assert (wat.outcome, wat.topic_ids) == (Outcome.ANSWERED, ("docker",))


def test_how_does_a_name_work_asks_about_it_even_when_it_is_also_a_word(
    answerer: QuestionAnswerer,
) -> None:
    assert answerer.understand("how does kafka work").outcome is Outcome.NOT_COVERED
    assert not answerer.understand("how does the spring work in a watch").confident


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("django admin customization", "django"),
        ("flask blueprints structure", "flask"),
        ("flask routing basics", "flask"),
        ("gin route groups", "gin"),
        ("rails generators", "rails"),
        ("docker image vs container still confuses me", "docker"),
    ],
)
def test_a_word_of_the_technology_itself_confirms_its_software_sense(
    answerer: QuestionAnswerer, question: str, topic: str
) -> None:
    answer = answerer.understand(question)
    assert answer.confident and answer.topic_ids[0] == topic


def test_a_word_confirming_one_name_is_no_software_sign_for_another(
    answerer: QuestionAnswerer,
) -> None:
    # "admin" confirms Django, not the lab flask; "route" confirms Gin, not a whisky flask
    assert not answerer.understand("rinse the flask before the lab admin checks it").confident
    assert not answerer.understand("a flask of tea for the hiking route").confident


@pytest.mark.parametrize(
    "question",
    [
        "what flowers go with ruby red roses for a bridal bouquet",
        "lab safety q: can a volumetric flask go in the autoclave?",
    ],
)
def test_a_name_read_in_its_everyday_sense_is_no_software_context_for_its_neighbour(
    answerer: QuestionAnswerer, question: str
) -> None:
    assert not answerer.understand(question).confident
    assert answerer.understand("should i go with ruby or python").topic_ids == ("ruby", "python")


def test_a_friend_is_no_sign_of_ruby_the_gem_or_the_girl(answerer: QuestionAnswerer) -> None:
    told = "A friend told me I should learn Ruby before Rails. Is Ruby worth learning on its own?"
    assert answerer.understand(told).topic_ids[:1] == ("ruby",)
    assert not answerer.understand("my friend ruby is coming over for her birthday").confident


def test_go_up_down_live_or_full_time_is_the_verb_among_software_words(
    answerer: QuestionAnswerer,
) -> None:
    for question in (
        "should we go live on friday or monday with the new api",
        "our api response times go up every evening, why",
        "worth it to go full time on backend dev after a bootcamp",
        "thinking of going freelance as a backend developer next year",
        "coding bootcamp grad here, should the projects go above education",
    ):
        assert "go" not in answerer.understand(question).topic_ids, question


def test_a_bit_says_how_much_not_that_a_snake_bit(answerer: QuestionAnswerer) -> None:
    both = answerer.understand("node or python for backend, i know both a bit")
    assert (both.intent, both.topic_ids) == (Intent.COMPARE, ("javascript", "python"))
    assert not answerer.understand("my ball python bit my hand").confident


def test_a_job_done_is_no_career_question(answerer: QuestionAnswerer) -> None:
    mixed = answerer.understand(
        "I keep mixing up JWT and OAuth when reading auth tutorials. Are they the same thing "
        "or do they do different jobs?"
    )
    assert (mixed.intent, set(mixed.topic_ids)) == (Intent.COMPARE, {"jwt", "oauth"})
    assert answerer.understand("how do jobs in backend pay").canned is not None


def test_whether_a_technology_is_still_used_is_about_the_technology(
    answerer: QuestionAnswerer,
) -> None:
    assert answerer.understand("is jenkins still used").outcome is Outcome.NOT_COVERED
    assert answerer.understand("is ruby still maintained").topic_ids[:1] == ("ruby",)


def test_a_word_of_a_use_case_is_no_outside_subject(answerer: QuestionAnswerer) -> None:
    celery = answerer.understand(
        "We have a Django monolith. Is Celery the right way to run background jobs?"
    )
    assert celery.outcome is Outcome.NOT_COVERED  # background jobs: no job hunt
    salary = answerer.understand("how much do backend developers earn in germany")
    assert salary.outcome is Outcome.REFUSED


def test_technology_the_roadmap_lacks_outweighs_a_career_word(answerer: QuestionAnswerer) -> None:
    asked = answerer.understand("scala worth learning for backend jobs?")
    assert asked.outcome is Outcome.NOT_COVERED
    assert answerer.understand("how much do backend devs earn").canned is not None


def test_a_word_like_a_name_among_foreign_words_is_not_asked_back(
    answerer: QuestionAnswerer,
) -> None:
    homework = "My physics homework: how fast a ball falls from a tower. How do I calculate that?"
    assert answerer.understand(homework).outcome is Outcome.REFUSED
    assert answerer.understand("dajngo signals").outcome is Outcome.ASKED_BACK


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("My bootcamp only covered MongoDB briefly. I'd like to go deeper. Any links?", "mongodb"),
        ("I want to go further with postgres, any good books?", "postgresql"),
        ("go back to basics with sql", "sql"),
    ],
)
def test_a_name_used_as_a_verb_before_deeper_or_back_is_the_verb(
    answerer: QuestionAnswerer, question: str, topic: str
) -> None:
    understanding = answerer.understand(question)
    assert understanding.confident and understanding.topic_ids[0] == topic
    assert "go" not in understanding.topic_ids
    assert answerer.understand("is go good for apis").topic_ids[:1] == ("go",)


@pytest.mark.parametrize(
    "question", ["im a rubyist, whats the go-to web framework", "whats your go to backend language"]
)
def test_a_name_between_the_and_to_is_the_go_to_adjective(
    answerer: QuestionAnswerer, question: str
) -> None:
    assert answerer.understand(question).topic_ids[:1] != ("go",)
    assert answerer.understand("should i learn go to build apis").topic_ids == ("go",)


def test_a_name_between_a_person_and_to_or_for_is_the_verb(answerer: QuestionAnswerer) -> None:
    question = "my team is moving to nestjs. where should i go to learn it properly?"
    understanding = answerer.understand(question)
    assert understanding.intent is Intent.RESOURCES and understanding.topic_ids == ("nestjs",)
    gift = "my boss likes cocktails. is a bottle of rum a safe gift, or should i go for whisky?"
    assert "go" not in answerer.understand(gift).topic_ids
    assert answerer.understand("should i learn go for backend").topic_ids[:1] == ("go",)


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("what does the apis part of the roadmap go over", "apis"),
        ("can you go over it: what does the databases section cover?", "databases"),
    ],
)
def test_a_name_before_over_and_the_sentence_end_or_it_is_the_verb(
    answerer: QuestionAnswerer, question: str, section: str
) -> None:
    understanding = answerer.understand(question)
    assert understanding.confident and understanding.section_id == section
    assert "go" not in understanding.topic_ids
    picked = answerer.understand("i picked python over java for my api, was that smart")
    assert {"python", "java"} <= set(picked.topic_ids)


def test_a_sure_reading_of_what_a_named_thing_is_overrules_a_need(
    answerer: QuestionAnswerer,
) -> None:
    understanding = answerer.understand("owasp top ten for web apis explained")
    assert understanding.confident and understanding.intent is Intent.TOPIC
    assert understanding.topic_ids == ("security",)
    framework = answerer.understand("java microservices framework?")  # a child of the name
    assert framework.intent is Intent.USE_CASE and framework.topic_ids[0] == "spring-boot"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what is gin exactly, a go thing?", "gin"),
        ("wat even is azure, microsoft cloud thing?", "azure"),
        ("what is firebase, like is it a database or a hosting thing or what", "firebase"),
        ("frontend dev here (vue), express is what exactly? like a server?", "express"),
    ],
)
def test_a_guess_of_what_a_named_thing_is_is_not_the_subject(
    answerer: QuestionAnswerer, question: str, topic: str
) -> None:
    # the learner's guess ("a go thing", "cloud") names no subject, no kind and no need
    understanding = answerer.understand(question)
    assert understanding.confident and understanding.intent is Intent.TOPIC
    assert understanding.topic_ids == (topic,)
    # a choice after "what is better" is still compared, a need after "like for" still fits
    assert answerer.understand("what is better, a monolith or microservices?").intent is (
        Intent.COMPARE
    )
    assert answerer.understand("what is the best db, like for a chat app?").intent is (
        Intent.USE_CASE
    )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "what is",
                "wat even is",
                "whats",
                "gin",
                "a",
                "like",
                "thing",
                "or what",
                "go",
                "is it",
                "better",
                ",",
                "?",
                ".",
                "express is what",
                "é",
                "  ",
            ]
        ),
        max_size=14,
    ).map(" ".join)
)
def test_dropping_guesses_keeps_whole_parts_of_the_message_in_order(text: str) -> None:
    message = split_message(text)
    kept = without_guesses(message)
    remaining = iter(message.words)
    assert all(word in remaining for word in kept.words)  # a subsequence, in order
    gone = {(w.sentence, w.segment) for w in message.words} - {
        (w.sentence, w.segment) for w in kept.words
    }
    assert not any((w.sentence, w.segment) in gone for w in kept.words)  # whole parts only
    assert kept.questions <= message.questions and kept.sentences == message.sentences


def test_an_amount_of_a_name_that_is_also_a_word_is_the_word(answerer: QuestionAnswerer) -> None:
    assert not answerer.understand("i need some rest lol").confident
    # a body's signs weigh against a software word told beside
    assert not answerer.understand(
        "bro i need REST fr, been grinding leetcode since 8am my eyes hurt"
    ).confident
    assert answerer.understand("i need some python help").topic_ids == ("python",)


def test_a_step_named_as_the_learners_own_thing_is_not_answered_as_the_step(
    answerer: QuestionAnswerer,
) -> None:
    owned = answerer.understand("how do i get pinged on my phone when the api starts throwing 500s")
    assert owned.section_id is None  # not the apis step: asked back, or the need it is
    assert not owned.confident or owned.topic_ids[0] == "monitoring"
    for step in ("what does the api section cover", "how do i build an api"):
        understanding = answerer.understand(step)
        assert understanding.confident and understanding.section_id == "apis"


def test_a_name_before_of_is_the_everyday_word(answerer: QuestionAnswerer) -> None:
    question = "one part of our app needs more servers than the rest of the app, what do we do"
    assert "rest" not in answerer.understand(question).topic_ids


def test_a_short_word_is_not_offered_as_a_misspelt_name(answerer: QuestionAnswerer) -> None:
    assert answerer.understand("sounds neat").outcome is not Outcome.ASKED_BACK
    # "patch" is a word, not "path" misspelt (which would ask for the roadmap's path)
    assert not answerer.understand("my old dockers ripped, can u patch those").confident
    assert answerer.understand("resorces for sql").intent is Intent.RESOURCES


def test_a_common_english_word_is_no_misspelt_name(answerer: QuestionAnswerer) -> None:
    finder = answerer.reader.name_finder

    def named(text: str) -> set[str]:
        names = finder.find(split_message(text))
        return {m.id for m in names.kept} | set(names.doubtful) | set(names.everyday)

    assert named("my school election app") == set()  # no misspelt Electron
    assert named("everyone at the studio keeps saying it") == set()  # nor LM Studio
    assert named("we rebuild the image on every push") == set()  # nor esbuild
    # a word of an everyday sense is known too: no misspelt Racket (Lisp)
    assert named("a website with an admin page to update the tournament bracket") == set()
    # a misspelling that is no word still names what it misspells
    assert [m.id for m in finder.find(split_message("what is pyton")).kept] == ["python"]
    assert [m.id for m in finder.find(split_message("djnago tutorial")).kept] == ["django"]


def test_a_device_that_dies_is_hardware_not_a_need(answerer: QuestionAnswerer) -> None:
    # "dies" is a need word (an app that dies under load); a phone's battery is not an app
    phone = answerer.understand(
        "my phone battery dies by lunch every day, new phone or new battery?"
    )
    assert not phone.confident and phone.canned is not None


def test_how_a_team_organises_its_work_is_outside_the_roadmap(
    answerer: QuestionAnswerer,
) -> None:
    scrum = answerer.understand("scrum vs kanban for a dev team")
    assert not scrum.confident and scrum.canned is not None
    assert answerer.understand("I'm a product owner, what is a rest api").topic_ids == ("rest",)


@pytest.mark.parametrize(
    "question",
    [
        "how do i reset my gmail password",
        "my computer is slow, should I reinstall windows",
        "how do I block spam calls on my android phone",
        "my first app got rejected from the app store, why",
        "what's the best app for learning spanish",
        "home wifi keeps disconnecting",
        "my phone screen keeps flickering after an update, fix?",
        "free wifi places to study near me",
    ],
)
def test_using_phones_apps_and_accounts_is_outside_the_roadmap(
    answerer: QuestionAnswerer, question: str
) -> None:
    understanding = answerer.understand(question)
    assert not understanding.confident and understanding.canned is not None


def test_a_question_outside_the_roadmap_after_names_in_the_background_is_outside(
    answerer: QuestionAnswerer,
) -> None:
    laptop = "My bootcamp teaches Java and Spring Boot. Is 16 GB of RAM enough for it?"
    assert answerer.understand(laptop).canned is not None
    fan = (
        "My MacBook fan is super loud when I run Docker and VS Code together. Should I buy a "
        "new laptop or is there a setting?"
    )
    assert answerer.understand(fan).canned is not None  # the asking sentence is hardware
    thesis = (
        "I'm writing my CS thesis on distributed systems and my supervisor wants 80 pages. "
        "How should I structure the chapters?"
    )
    assert not answerer.understand(thesis).confident
    spring = "My bootcamp teaches Java. Is Spring Boot worth it?"
    assert answerer.understand(spring).topic_ids[:1] == ("spring-boot",)


def test_a_word_of_a_longer_name_is_no_roadmap_word(answerer: QuestionAnswerer) -> None:
    # "dog" is part of a name ("data dog"), not a word of the roadmap
    assert answerer.understand("is it weird to name my dog django").outcome is Outcome.REFUSED


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("bom dia bot", "greeting"),
        ("salam aleikum", "greeting"),
        ("morning all", "greeting"),
        ("obrigado bot", "thanks"),
        ("omg finally it clicked", "thanks"),
        ("do u have a name bot?", "about-bot"),
        ("can you speak spanish?", "about-bot"),
        ("ur pretty smart for a bot", "praise-or-complaint"),
        ("oi tudo bem", "greeting"),
        ("night all, big day tomorrow", "bye"),
        ("who maintains this thing", "about-bot"),
        ("hows your day going", "how-are-you"),
        ("youre the mvp bot", "praise-or-complaint"),
    ],
)
def test_small_talk_in_other_languages_and_about_the_bot_is_small_talk(
    answerer: QuestionAnswerer, question: str, reply: str
) -> None:
    understanding = answerer.understand(question)
    assert understanding.small_talk
    assert understanding.canned is not None and understanding.canned.id == reply


@pytest.mark.parametrize("question", ["thansk a lot", "apreciate it", "good mornin"])
def test_small_talk_typed_in_a_hurry_is_small_talk(
    answerer: QuestionAnswerer, question: str
) -> None:
    assert answerer.understand(question).small_talk


def test_how_to_start_with_technology_the_roadmap_lacks_is_not_covered(
    answerer: QuestionAnswerer,
) -> None:
    question = (
        "We use Terraform to set up our AWS infrastructure and I want to learn it properly. "
        "What's a good way to start with Terraform?"
    )
    assert answerer.understand(question).outcome is Outcome.NOT_COVERED


@pytest.mark.parametrize(
    ("question", "name"),
    [
        # the intent model reads no roadmap question in these
        ("how make android app in kotlin", "Kotlin"),
        (
            "how to configure nginx as reverse proxy for my app, the config syntax confuses me",
            "nginx",
        ),
        ("redis cache how to start, never used", "Redis"),
        (
            "ex accountant, work uses microsoft sql server. how do i write a stored procedure",
            "Microsoft SQL Server",
        ),
        # no sign of either sense of a name that is also a word
        ("how do I set up Stripe?", "Stripe"),
        ("flutter widgets tutorial", "Flutter"),
        ("celery beat schedule every 5 minutes", "Celery"),
        # a name between a verb and its particle is the verb's object, not a verb itself
        ("how i hook stripe up so folks can pay the deposit on a oven", "Stripe"),
        ("How do I set Sentry up on a little Express app, so I see the crashes?", "Sentry"),
    ],
)
def test_technology_the_roadmap_lacks_is_said_to_be_not_covered_not_refused(
    answerer: QuestionAnswerer, question: str, name: str
) -> None:
    understanding = answerer.understand(question)
    assert understanding.outcome is Outcome.NOT_COVERED
    assert [entry.name for entry in understanding.not_covered] == [name]


def test_technology_the_roadmap_lacks_named_with_an_everyday_sign_is_the_everyday_word(
    answerer: QuestionAnswerer,
) -> None:
    assert answerer.understand("celery soup recipe").outcome is Outcome.REFUSED


@pytest.mark.parametrize(
    "question",
    [
        "who built this bot",
        "nvm figured it out",
        "who coded u",
        "are you running on a server somewhere?",
        "who programmed this bot",
        "how do i use this bot",
    ],
)
def test_small_talk_about_the_bot_or_taking_a_message_back_is_small_talk(
    answerer: QuestionAnswerer, question: str
) -> None:
    assert answerer.understand(question).small_talk


def test_a_software_word_told_with_a_greeting_does_not_make_the_bot_question_a_roadmap_one(
    answerer: QuestionAnswerer,
) -> None:
    hello = "Hi! I joined this server and wanted to say hello first. How does this bot work?"
    assert answerer.understand(hello).small_talk
    macbook = (
        "The app works perfectly on my laptop but crashes on the server. My colleague gets "
        "another error. How do we get the same environment everywhere?"
    )
    assert not answerer.understand(macbook).small_talk


def test_a_name_right_after_a_learning_word_is_the_technology(answerer: QuestionAnswerer) -> None:
    question = (
        "Our team uses Jenkins and I have to look after it. Where do I start learning Jenkins?"
    )
    assert answerer.understand(question).outcome is Outcome.NOT_COVERED
    game = "my kid wants to learn go, the board game. any books?"
    assert answerer.understand(game).outcome is not Outcome.ANSWERED


@pytest.mark.parametrize(
    "question",
    ["i finished python, what should i learn next", "learned java, what should i learn next"],
)
def test_a_name_just_finished_in_learning_talk_is_the_technology(
    answerer: QuestionAnswerer, question: str
) -> None:
    assert answerer.understand(question).intent is Intent.OVERVIEW
    pet = "my python finished his dinner, what should i learn about feeding"
    assert answerer.understand(pet).outcome is not Outcome.ANSWERED


def test_a_greeting_before_a_question_with_what_you_is_no_small_talk(
    answerer: QuestionAnswerer,
) -> None:
    assert not answerer.understand("hey what you think about django?").small_talk
    # "help" is small talk alone, not in a question about the name told before
    jwt = answerer.understand(
        "Every request of my app sends the username and password, which I know is bad. "
        "I've heard about JWT. What is it and how would it help here?"
    )
    assert (jwt.outcome, jwt.topic_ids[:1]) == (Outcome.ANSWERED, ("jwt",))


def test_what_is_a_name_that_is_also_a_word_asks_about_it(answerer: QuestionAnswerer) -> None:
    question = (
        "Our services send events to each other and a colleague suggested Kafka. "
        "I only know plain calls between services. What is Kafka and should I learn it?"
    )
    assert answerer.understand(question).outcome is Outcome.NOT_COVERED
    spring = "what is spring like in paris"
    assert answerer.understand(spring).outcome is not Outcome.ANSWERED


def test_a_question_that_is_small_talk_itself_does_not_end_the_small_talk(
    answerer: QuestionAnswerer,
) -> None:
    hello = "Hi! I'm new to this server. No question yet, just saying hello. How does this work?"
    assert answerer.understand(hello).small_talk
    assert not answerer.understand("hi! how do i deploy my app to a server?").small_talk


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what are goroutines", "go"),
        ("what is a bearer token", "jwt"),
        ("what is dns", "hosting-environment"),
        ("what is active record", "rails"),
    ],
)
def test_a_concept_of_a_topic_asked_about_is_that_topic(
    answerer: QuestionAnswerer, question: str, topic: str
) -> None:
    assert answerer.understand(question).topic_ids == (topic,)


def test_a_short_alias_half_changed_is_no_misspelling_of_an_everyday_name(
    answerer: QuestionAnswerer,
) -> None:
    jvm = answerer.understand("what is the jvm")  # two edits from "java", but three letters
    assert (jvm.outcome, jvm.topic_ids) == (Outcome.ANSWERED, ("java",))


@pytest.mark.parametrize(
    "question",
    [
        "my pet pyhton wont eat frozen mice since we moved",
        "the djnago soundtrack and the western film itself",
    ],
)
def test_a_misspelt_alias_of_an_everyday_name_needs_software_context_too(
    answerer: QuestionAnswerer, question: str
) -> None:
    assert not answerer.understand(question).confident
    assert answerer.understand("pyhton decorators tutorial").topic_ids == ("python",)
    assert answerer.understand("tell me about microsoft azzure").topic_ids == ("azure",)
    assert answerer.understand("dokcer vs vm").confident  # no everyday sign: the typo is the name
    # a misspelt longer name holding an alias of its topic is that topic, not a word near it
    assert answerer.understand("mongdb atlas free tier").topic_ids[:1] == ("mongodb",)


def test_a_word_merely_near_a_name_needs_software_context(answerer: QuestionAnswerer) -> None:
    squeal = "the train rails behind my house squeal all nite, who do i complain to"
    assert not answerer.understand(squeal).confident  # "squeal" is near the alias "squel"
    assert answerer.understand("how do i lern pyhtn").topic_ids == ("python",)


def test_an_outside_word_does_not_refuse_a_name_asked_to_be_learnt(
    answerer: QuestionAnswerer,
) -> None:
    understanding = answerer.understand("my boss wants me to learn django by monday")
    assert understanding.confident and understanding.topic_ids == ("django",)
    assert not answerer.understand("what's the salary for a python developer in berlin").confident


def test_a_need_with_no_software_word_or_name_among_foreign_words_is_no_roadmap_need(
    answerer: QuestionAnswerer,
) -> None:
    trip = (
        "I'm planning a two-week trip through Vietnam in March with my partner. We love street "
        "food and quiet beaches. Which route from Hanoi to Ho Chi Minh City would you suggest?"
    )
    assert not answerer.understand(trip).confident  # "route" is no API routing here
    assert answerer.understand("how do i stop bots from spamming signups").confident


def test_technology_the_roadmap_lacks_opening_a_question_about_its_fit_is_not_covered(
    answerer: QuestionAnswerer,
) -> None:
    understanding = answerer.understand("cassandra db any good for time series?")
    assert understanding.outcome is Outcome.NOT_COVERED  # the kind word after it: software
    assert [entry.name for entry in understanding.not_covered] == ["Cassandra"]
    assert not answerer.understand("java island trip").confident


def test_a_name_asked_what_it_is_for_an_outside_purpose_is_the_name(
    answerer: QuestionAnswerer,
) -> None:
    understanding = answerer.understand("monolith definition for an interview answer")
    assert (understanding.intent, understanding.topic_ids) == (Intent.TOPIC, ("monolith",))
    assert not answerer.understand("monolith interview questions salary").confident


def test_projects_asked_for_a_name_may_say_with_outside_words_what_they_are_for(
    answerer: QuestionAnswerer,
) -> None:
    understanding = answerer.understand(
        "I know plain PHP from WordPress themes, and now I'd like to build something real with "
        "Laravel. Any project ideas that would show an employer I can do more than themes?"
    )
    assert (understanding.intent, understanding.topic_ids) == (Intent.PROJECTS, ("laravel",))
    assert not answerer.understand("I'm a Laravel dev. How do I get a raise?").confident


def test_an_outside_word_set_aside_asks_nothing(answerer: QuestionAnswerer) -> None:
    understanding = answerer.understand(
        "Two offers: one team uses Django, the other Flask. Salary aside, I just want to "
        "understand the difference between Django and Flask."
    )
    assert understanding.intent is Intent.COMPARE
    assert set(understanding.topic_ids) == {"django", "flask"}
    assert not answerer.understand("django or flask, which has the better salary").confident


def test_two_names_set_side_by_side_outweigh_an_outside_word_not_asked_about(
    answerer: QuestionAnswerer,
) -> None:
    understanding = answerer.understand("go or java for a backend job in germany")
    assert (understanding.intent, set(understanding.topic_ids)) == (
        Intent.COMPARE,
        {"go", "java"},
    )
    assert not answerer.understand("java or python, which pays more").confident
    for_a_job = answerer.understand("nest vs express which one for a first real job?")
    assert (for_a_job.intent, for_a_job.topic_ids) == (Intent.COMPARE, ("nestjs", "express"))
    assert not answerer.understand("go or java, which pays more for juniors").confident


def test_a_name_read_as_everyday_only_from_the_word_beside_it_still_carries_a_clear_need(
    answerer: QuestionAnswerer,
) -> None:
    need = answerer.understand("it runs fine on my machine but breaks on the server")
    assert need.confident and need.topic_ids[0] == "docker"
    for everyday in ("the server was slow to bring the bill", "the server at the diner was rude"):
        assert answerer.understand(everyday).outcome is Outcome.REFUSED


def test_a_name_read_in_its_everyday_sense_is_no_word_of_a_need(
    answerer: QuestionAnswerer,
) -> None:
    # "azure" read as the colour or the place is not a need of Azure's own use cases
    malta = answerer.understand("how do I get to the azure window in malta")
    assert malta.outcome is Outcome.REFUSED
    assert answerer.understand("deploying a windows app on azure").topic_ids[:1] == ("azure",)


def test_a_name_asked_about_in_an_earlier_question_is_not_context_for_a_need(
    answerer: QuestionAnswerer,
) -> None:
    # a second question about a feature asks about the name, not for a topic that has it
    understanding = answerer.understand(
        "Been doing Spring Boot for years. Our startup uses Express for everything. How does "
        "Express compare in terms of structure? Is there dependency injection?"
    )
    assert not (understanding.confident and understanding.topic_ids[0] != "express")


@pytest.mark.parametrize(
    "question", ["how do I create a new instagram account", "my first time baking bread, tips?"]
)
def test_new_or_first_alone_is_no_question_about_the_roadmap(
    answerer: QuestionAnswerer, question: str
) -> None:
    assert not answerer.understand(question).confident
    assert answerer.understand("what should i learn first").intent is Intent.OVERVIEW


@pytest.mark.parametrize(
    "question",
    ["crm idea: customers have many orders, orders have many payments", "one coupon per order"],
)
def test_orders_of_a_shop_are_no_learning_order(answerer: QuestionAnswerer, question: str) -> None:
    assert answerer.understand(question).intent is not Intent.OVERVIEW
    for path in ("wat order should i learn backend stuff in", "backend roadmap steps in order"):
        assert answerer.understand(path).intent is Intent.OVERVIEW


def test_an_outside_word_where_a_need_happens_does_not_refuse_the_need_asked_after_it(
    answerer: QuestionAnswerer,
) -> None:
    need = answerer.understand(
        "Our app streams live basketball scores to fans' phones, updated the instant a point "
        "is scored. What should the backend be built with?"
    )
    assert need.confident and need.topic_ids[0] in ("firebase", "javascript")
    for told in (
        "I'm a developer and I love football. Which team should I support this season?",
        "Our dev team wants to organise a football match on Friday. How should we split into "
        "teams fairly?",  # the team words meet team-size needs, but nothing is asked to build
        # no software word or name told around the need: not a software situation
        "I got a job offer from a company that builds everything in Elixir. What should I learn "
        "before I start?",
    ):
        assert answerer.understand(told).outcome is Outcome.REFUSED


def test_an_outside_word_beside_the_part_asking_for_software_does_not_refuse_the_need(
    answerer: QuestionAnswerer,
) -> None:
    bank = (
        "my bank job wants a backend that never loses a transfer, which language do big banks use"
    )
    understanding = answerer.understand(bank)
    assert understanding.confident and understanding.topic_ids[0] in ("java", "spring-boot")
    for outside in (
        "my website sells shoes, what should i do about taxes",
        "what laptop should i use for docker",
    ):
        assert answerer.understand(outside).outcome is Outcome.REFUSED


def test_technology_the_roadmap_lacks_told_in_the_situation_does_not_hide_the_need_asked(
    answerer: QuestionAnswerer,
) -> None:
    need = answerer.understand(
        "Our API runs fine on my laptop but breaks on the Debian box in production because of "
        "a different package version. How do we get the same environment on every machine?"
    )
    assert need.confident and need.topic_ids[0] == "docker"
    for named in (
        "We moved our app into Docker and the team wants Kubernetes. When do you need it?",
        # a need that fits nothing clearly: the technology named is what is answered
        "We use RabbitMQ between services. How do we make sure messages are not lost?",
    ):
        assert answerer.understand(named).outcome is Outcome.NOT_COVERED


def test_an_or_that_does_not_set_names_against_each_other_is_no_comparison(
    answerer: QuestionAnswerer,
) -> None:
    sqlite = answerer.understand("sqlite is it a real db or just for testing lol")
    assert sqlite.confident and sqlite.topic_ids == ("sqlite",)  # "testing": the need, here
    assert answerer.understand("flask or fastapi").outcome is Outcome.NOT_COVERED


def test_of_names_all_told_as_the_learners_the_one_after_but_is_asked_about(
    answerer: QuestionAnswerer,
) -> None:
    question = "learned mysql in school but my job uses postgres, anything i should know"
    assert answerer.understand(question).topic_ids[:1] == ("postgresql",)


@pytest.mark.parametrize(
    ("question", "compared"),
    [
        (
            "bro says mongo, prof says postgres. whos right for my uni project",
            {"mongodb", "postgresql"},
        ),
        ("How do Spring Boot and NestJS stack up?", {"spring-boot", "nestjs"}),
        # technology the roadmap lacks after "for" is the need, not one of those compared
        ("gin vs express for a fast api, my go friend vs my js friend", {"gin", "express"}),
    ],
)
def test_two_names_weighed_in_other_words_are_compared(
    answerer: QuestionAnswerer, question: str, compared: set[str]
) -> None:
    understanding = answerer.understand(question)
    assert (understanding.intent, set(understanding.topic_ids)) == (Intent.COMPARE, compared)


def test_a_part_weighing_one_name_against_a_thing_of_another_kind_is_about_that_name(
    answerer: QuestionAnswerer,
) -> None:
    jwt = answerer.understand("i use sessions in express, jwt better?")
    assert (jwt.intent, jwt.topic_ids[:1]) == (Intent.TOPIC, ("jwt",))  # jwt vs sessions
    django = answerer.understand("i use flask, django better?")
    assert (django.intent, set(django.topic_ids)) == (Intent.COMPARE, {"flask", "django"})


def test_my_before_a_name_of_two_words_with_a_noun_after_it_owns_the_thing(
    answerer: QuestionAnswerer,
) -> None:
    schema = answerer.understand("how do i design my SQL schema for a blog")
    assert "mysql" not in schema.topic_ids
    assert answerer.understand("what is my sql").topic_ids == ("mysql",)
    rusty = answerer.understand("My SQL is rusty since uni. Any good places to refresh it?")
    assert rusty.topic_ids == ("sql",)
    assert "mysql" in answerer.understand("my sql vs postgres").topic_ids


def test_a_side_project_after_a_name_asks_for_projects_unless_it_is_what_a_need_is_for(
    answerer: QuestionAnswerer,
) -> None:
    firebase = answerer.understand("firebase side project")
    assert (firebase.intent, firebase.topic_ids) == (Intent.PROJECTS, ("firebase",))
    sqlite = answerer.understand("sqlite good enough for a small side project?")
    assert sqlite.intent is not Intent.PROJECTS


def test_a_likeness_word_describing_a_thing_is_no_comparison(answerer: QuestionAnswerer) -> None:
    question = (
        "the app works on my laptop but the server has a different python version and "
        "everything breaks"
    )
    understanding = answerer.understand(question)
    assert understanding.intent is not Intent.COMPARE and understanding.topic_ids[0] == "docker"
    for compared in ("is flask different from django", "are django and flask the same thing"):
        assert answerer.understand(compared).intent is Intent.COMPARE
    assert answerer.understand("jwt and oauth r the same right").intent is Intent.COMPARE


def test_a_clear_need_told_before_what_to_learn_decides_it_over_the_path(
    answerer: QuestionAnswerer,
) -> None:
    question = "my queries got slow after the table hit 10 million rows, what do i learn"
    understanding = answerer.understand(question)
    assert understanding.confident and understanding.intent is Intent.USE_CASE
    assert understanding.topic_ids[0] == "performance-optimization"
    assert answerer.understand("done with python what should i learn next").intent is (
        Intent.OVERVIEW
    )


@pytest.mark.parametrize(
    "question",
    [
        "I'm a QA tester and I've written some automated tests in Selenium. I want to move into "
        "backend development. Where should I start?",
        "I've done a few Python scripts to automate stuff at my office job, like renaming files "
        "and sending emails. What should I learn next to become a backend dev?",
        "I've been a sysadmin for years, managing Linux servers and some Docker containers. I "
        "want to write backend code now. Where should I start?",
    ],
)
def test_the_learners_background_before_where_to_start_in_the_field_asks_for_the_path(
    answerer: QuestionAnswerer, question: str
) -> None:
    assert answerer.understand(question).intent is Intent.OVERVIEW
    step = (
        "I run a small SaaS and I'm curious what the monitoring and performance part of the "
        "roadmap includes. Where would I begin?"
    )
    assert answerer.understand(step).section_id == "monitoring-performance"
    # what the learner has done is background, not a need, even with no field named
    told = (
        "I've been doing manual QA for years and recently wrote automated tests in Selenium. "
        "What should I learn next?"
    )
    assert answerer.understand(told).intent is Intent.OVERVIEW
    wanted = "i use mongodb at work but i want to learn sql. where should i start?"
    assert answerer.understand(wanted).topic_ids[:1] == ("sql",)


def test_a_clear_need_told_before_where_to_start_is_where_to_start(
    answerer: QuestionAnswerer,
) -> None:
    hacked = answerer.understand("our login page got hacked yesterday. where do we start?")
    assert hacked.confident and hacked.topic_ids[0] == "security"
    for path in (
        "new to backend, where do i start",
        "I want to become a backend dev. where do i start?",
    ):
        assert answerer.understand(path).intent is Intent.OVERVIEW


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("wat is gin in simple terms", "gin"),
        ("whats gin", "gin"),
        ("yo wtf is docker even", "docker"),
        ("wth is docker", "docker"),
        ("coming from flutter, what is firebase really", "firebase"),
    ],
)
def test_what_is_typed_in_a_hurry_asks_about_a_name_that_is_also_a_word(
    answerer: QuestionAnswerer, question: str, topic: str
) -> None:
    understanding = answerer.understand(question)
    assert understanding.confident and understanding.topic_ids == (topic,)
    assert not answerer.understand("what is gin in a martini").confident


def test_a_title_word_alone_among_foreign_words_is_no_software_context(
    answerer: QuestionAnswerer,
) -> None:
    party = (
        "Our developer team is planning an end-of-year party. Any ideas for games that work for "
        "about twenty people?"
    )
    assert not answerer.understand(party).confident  # games for the party, not real-time games
    assert answerer.understand(
        "as a backend developer how do i stop bots spamming signups"
    ).confident


def test_two_names_run_together_are_each_others_software_context(
    answerer: QuestionAnswerer,
) -> None:
    understanding = answerer.understand("elixir phoenix worth learnin for realtime stuff?")
    assert understanding.outcome is Outcome.NOT_COVERED
    assert {entry.name for entry in understanding.not_covered} == {"Elixir", "Phoenix"}
    assert not answerer.understand("a flask of spring water for the hike").confident
    # two names of one topic run together: "docker container"
    assert answerer.understand("docker container keeps restarting").confident
    # two names run together are two names, not the words of a use case ("django or flask")
    diff = answerer.understand("django flask diff?")
    assert (diff.intent, diff.topic_ids) == (Intent.COMPARE, ("django", "flask"))


def test_asking_how_a_name_stands_right_after_it_is_the_technology(
    answerer: QuestionAnswerer,
) -> None:
    dying = "is java still worth it or is it dying like that tiktok guy says"
    assert answerer.understand(dying).topic_ids[:1] == ("java",)
    qa = "QA w/ cypress + jest experience. tell me about express"  # "qa" is a software word
    assert answerer.understand(qa).topic_ids[:1] == ("express",)
    daemon = "cannot connect to the docker daemon. what is the daemon and how does docker work?"
    assert answerer.understand(daemon).topic_ids[:1] == ("docker",)  # "daemon": software
    assert not answerer.understand("is java worth visiting?").confident
    deal = answerer.understand("whats the deal with firebase, worth learning?")
    assert deal.confident and deal.topic_ids[:1] == ("firebase",)
    assert not answerer.understand("whats the deal with java coffee beans").confident


def test_a_name_then_is_what_asks_what_it_is(answerer: QuestionAnswerer) -> None:
    azure = answerer.understand("azure is what? cloud of microsoft?")
    assert azure.confident and azure.topic_ids == ("azure",)
    mysql = answerer.understand("mysql is what, same like excel?")  # Excel: only a likeness
    assert mysql.confident and mysql.topic_ids == ("mysql",)
    assert not answerer.understand("the sky is azure is what i said").confident
    exactly = answerer.understand("azure good for what exactly")
    assert exactly.confident and exactly.topic_ids == ("azure",)
    for defined in ("define monolith", "rest definition"):  # "define", "definition" ask it too
        assert answerer.understand(defined).confident, defined


def test_a_topic_asked_what_it_is_apart_from_outside_words_is_the_question(
    answerer: QuestionAnswerer,
) -> None:
    job = (
        "at my part time job everything is microsoft, and the it guy mentioned moving the app "
        "to azure, what is azure exactly"
    )
    assert answerer.understand(job).topic_ids[:1] == ("azure",)
    scrum = "our scrum master wants us on firebase, is firebase a real backend or just a database"
    assert answerer.understand(scrum).topic_ids[:1] == ("firebase",)
    salary = "what is the salary of a java developer"
    assert not answerer.understand(salary).confident


@pytest.mark.parametrize(
    ("question", "intent", "topics"),
    [
        ("career change into backend, what order should i learn things", Intent.OVERVIEW, ()),
        ("backend roadmap for a career changer", Intent.OVERVIEW, ()),
        ("is go worth it for a career switch", Intent.TOPIC, ("go",)),
    ],
)
def test_a_career_change_is_the_learner_moving_into_the_field_not_a_careers_question(
    answerer: QuestionAnswerer, question: str, intent: Intent, topics: tuple[str, ...]
) -> None:
    understanding = answerer.understand(question)
    assert understanding.confident
    assert (understanding.intent, understanding.topic_ids[: len(topics)]) == (intent, topics)


def test_a_careers_question_after_a_career_change_is_still_outside_the_roadmap(
    answerer: QuestionAnswerer,
) -> None:
    salary = "what salary can i expect after a career change into backend"
    assert answerer.understand(salary).outcome is Outcome.REFUSED


def test_a_spring_for_a_hinged_lid_is_hardware_even_from_a_backend_dev(
    answerer: QuestionAnswerer,
) -> None:
    lid = (
        "Backend dev here, but this is about my woodworking hobby: which spring keeps a heavy"
        " box lid from slamming shut?"
    )
    assert answerer.understand(lid).outcome is Outcome.REFUSED
    assert answerer.understand("spring boot for a backend dev").topic_ids[:1] == ("spring-boot",)


def test_a_name_kept_and_also_left_unsure_elsewhere_is_kept_once(
    answerer: QuestionAnswerer,
) -> None:
    finder = answerer.reader.name_finder
    # "python based" keeps the first; the second, alone, would be left unsure
    text = "the new data platform will be python based. explain the benefits of python"
    kept = finder.find(split_message(text)).kept
    assert [(m.id, m.start) for m in kept] == [("python", 6), ("python", 12)]


def test_a_project_like_this_is_the_learners_not_projects_asked_for(
    answerer: QuestionAnswerer,
) -> None:
    told = (
        "half the internet says mongo, the other half postgres. which fits a hobby project "
        "like this"
    )
    assert answerer.understand(told).intent is not Intent.PROJECTS
    assert (
        answerer.understand("a hobby project like a habit tracker for go").intent is Intent.PROJECTS
    )


@pytest.mark.parametrize(
    "question",
    [
        "the page fires twenty api requests on load, can the server send everything in one go?",
        "my backend makes 12 queries per page, can i fetch it all in one go and keep it fast",
        "our api is good to go, how should i deploy it",
        "i learn coding on weekends and work at a distillery. we're launching a gin with "
        "cucumber and lavender. what botanicals go well with those two?",
        "wedding website for my cousin, theme is ruby and gold. any colour palettes that go"
        " with a deep ruby red?",
    ],
)
def test_a_name_in_an_idiom_is_the_word(answerer: QuestionAnswerer, question: str) -> None:
    # Gin would come only from the name: a framework of it
    understanding = answerer.understand(question)
    assert understanding.topic_ids[:1] != ("go",) and "gin" not in understanding.topic_ids
    assert "go" in answerer.understand("is go good to go for a small api?").topic_ids


def test_a_name_read_as_a_word_of_the_sentence_leaves_the_question_to_the_rest(
    answerer: QuestionAnswerer,
) -> None:
    # not a message about a name's everyday sense: about nothing named at all
    ideas = answerer.understand("i want to give it a go and build a backend project, any ideas")
    assert ideas.outcome is Outcome.ANSWERED and ideas.intent is Intent.PROJECTS
    assert ideas.topic_ids == ()
    start = answerer.understand("where should i go to learn backend development")
    assert start.outcome is Outcome.ANSWERED and start.intent is Intent.OVERVIEW


def test_main_is_a_common_word_not_the_main_branch(answerer: QuestionAnswerer) -> None:
    # "main" weighs as other common words do: alone it tells no need for CI/CD
    homework = (
        "I'm learning to code at night, but right now I'm helping my daughter with history: "
        "what were the main causes of the first world war?"
    )
    assert answerer.understand(homework).outcome is not Outcome.ANSWERED
    pushed = answerer.understand("auto deploy when i push to main")
    assert pushed.confident and pushed.topic_ids[:1] == ("ci-cd",)


@pytest.mark.parametrize(
    "question", ["honestly im too old to become a backend developer?", "I'm 52. Am I too old?"]
)
def test_a_learner_too_old_is_outside_the_roadmap(
    answerer: QuestionAnswerer, question: str
) -> None:
    understanding = answerer.understand(question)
    assert understanding.outcome is Outcome.REFUSED and understanding.canned is not None
    assert answerer.understand("is ruby too old to pick up these days").topic_ids == ("ruby",)


def test_what_the_field_is_asked_beside_a_career_change_is_the_field(
    answerer: QuestionAnswerer,
) -> None:
    field = answerer.understand(
        "I want to switch careers. What does a backend developer actually do?"
    )
    assert field.confident and field.section_id == "basics"
    pay = answerer.understand("I want to switch careers. What does a backend developer earn?")
    assert pay.outcome is Outcome.REFUSED and pay.canned is not None


@pytest.mark.parametrize(
    "question",
    [
        "I'm a Django dev. My pet python hasn't eaten in two weeks, should I worry?",
        "Rails developer here, but my question is about the ruby in my grandma's ring: can it be "
        "resized?",
        "I'm a Vue dev and a new dad. Which setup is best for monitoring the baby's breathing at "
        "night? Some devices clip onto a sock.",
    ],
)
def test_an_everyday_sense_asked_beside_the_learners_own_stack_is_no_roadmap_question(
    answerer: QuestionAnswerer, question: str
) -> None:
    # the names kept as software only say who the learner is
    assert answerer.understand(question).outcome is Outcome.REFUSED
    asked = answerer.understand("I'm a Django dev. Is Flask worth learning too?")
    assert asked.topic_ids == ("flask",)


def test_a_name_word_between_a_modal_and_a_word_of_where_is_the_verb(
    answerer: QuestionAnswerer,
) -> None:
    kit = "im a programmer, what should go in a first aid kit for hiking"
    assert "go" not in answerer.understand(kit).topic_ids
    compared = answerer.understand("which language should go in our stack, go or python")
    assert compared.topic_ids == ("go", "python")

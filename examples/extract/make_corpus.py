"""Generate corpus.tsv: Korean–English segment pairs for `termkit extract`, from templates written for it.

    python examples/extract/make_corpus.py [--rows N] [--seed S] [OUT]
    python examples/extract/make_corpus.py --reduced-glossary DIR   # the bundled glossary minus REMOVED

The sentences are research prose about the North Korean economy and politics: 43 sentence frames,
each with two Korean wordings and two or three English ones (translators word the same thing
differently), and slots for glossary terms, sources, times and places. Korean particles are chosen by the slot word's final sound (을/를, 이/가, 은/는, 과/와,
으로/로). Forty glossary concepts fill the term slots; the ten in REMOVED are the ones the test
takes out of a copy of the glossary, so that `extract` must find them again. Their translations
vary as real ones do: admitted renderings now and then (knowledge-based economy), plurals (nuclear
forces), sentence-initial capitals, North Korean spellings (조선로동당) and spacing inside Korean
compounds (인민경제 계획).

Deterministic: the same rows and seed give the same bytes. OUT defaults to corpus.tsv beside this
script (800 rows, seed 20240701); the tests regenerate it into a temporary directory and compare
byte for byte, and benchmarks/bench_extract.py imports `generate` for 100,000 rows.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus.tsv"
ROWS, SEED = 800, 20240701
PLAIN_SHARE = 0.15  # rows from frames without a term
HEADER = "doc\tko\ten"

# (concept id, kind, Korean forms with weights, English noun phrases with weights); kinds below. The English phrases
# are singular in agreement ("the question of separated families ... is"); the glossary's
# preferred rendering is in every phrase unless the weight list says otherwise.
REMOVED = [
    ("inmin-gyeongje-gyehoek", "P", [("인민경제계획", 9), ("인민경제 계획", 1)],
     [("the national economic plan", 8), ("this year's national economic plan", 2)]),
    ("pojeon-damdang-chaegimje", "P", [("포전담당책임제", 9), ("포전담당 책임제", 1)],
     [("the field responsibility system", 1)]),
    ("gukga-gyehoek-wiwonhoe", "B", [("국가계획위원회", 1)], [("the State Planning Commission", 1)]),
    ("jisik-gyeongje", "T", [("지식경제", 1)], [("the knowledge economy", 17), ("the knowledge-based economy", 3)]),
    ("haengmuryeok", "T", [("핵무력", 1)], [("the nuclear force", 5), ("the country's nuclear forces", 3),
                                      ("nuclear forces", 2)]),
    ("oehwa-beori", "T", [("외화벌이", 1)], [("foreign currency earning", 1)]),
    ("jangmadang-sedae", "T", [("장마당세대", 1)], [("the jangmadang generation", 1)]),
    ("isan-gajok", "T", [("이산가족", 1)], [("the question of separated families", 6), ("the separated family issue", 3),
                                     ("the question of divided families", 1)]),
    ("gungmu-wiwonhoe", "B", [("국무위원회", 1)], [("the State Affairs Commission", 1)]),
    ("jibang-baljeon-20x10-jeongchaek", "P", [("지방발전 20×10 정책", 1)], [("the Regional Development 20×10 Policy", 1)]),
]
KEPT = [
    ("jaryeok-gaengsaeng", "P", [("자력갱생", 1)], [("self-reliance", 1)]),
    ("inmin-gyeongje", "T", [("인민경제", 1)], [("the national economy", 1)]),
    ("jangmadang", "T", [("장마당", 1)], [("the market", 1)]),
    ("joseon-nodongdang", "B", [("조선로동당", 1), ("조선노동당", 1)], [("the Workers' Party of Korea", 1)]),
    ("naegak", "B", [("내각", 1)], [("the Cabinet", 1)]),
    ("gukga-gyeongje-baljeon-5gaenyeon-gyehoek", "P", [("국가경제발전 5개년계획", 1)],
     [("the five-year plan for national economic development", 1)]),
    ("jibang-gongeop-gongjang", "P", [("지방공업공장", 1)], [("the building of regional-industry factories", 1)]),
    ("inmin-sobipum", "T", [("인민소비품", 1)], [("the production of consumer goods", 1)]),
    ("hyeopdong-nongjang", "T", [("협동농장", 1)], [("the management of cooperative farms", 1)]),
    ("bunjo-gwallije", "P", [("분조관리제", 1)], [("the sub-work team management system", 1)]),
    ("suja-gyeongje", "T", [("수자경제", 1)], [("the digital economy", 1)]),
    ("jeongbohwa", "P", [("정보화", 1)], [("informatization", 1)]),
    ("gukga-yesan", "T", [("국가예산", 1)], [("the state budget", 1)]),
    ("sijang-gagyeok", "T", [("시장가격", 1)], [("the level of market prices", 1)]),
    ("haegeokjeryeok", "T", [("핵억제력", 1)], [("the nuclear deterrent", 1)]),
    ("daeryukgan-tando-misail", "T", [("대륙간탄도미사일", 1)], [("the intercontinental ballistic missile programme", 1)]),
    ("nambuk-gwangye", "T", [("남북관계", 1)], [("the state of inter-Korean relations", 1)]),
    ("joguk-tongil", "P", [("조국통일", 1)], [("national reunification", 1)]),
    ("choego-inmin-hoeui", "B", [("최고인민회의", 1)], [("the Supreme People's Assembly", 1)]),
    ("jonghap-sijang", "T", [("종합시장", 1)], [("the general market", 1)]),
    ("guksanhwa", "P", [("국산화", 1)], [("localization", 1)]),
    ("hyeondaehwa", "P", [("현대화", 1)], [("modernization", 1)]),
    ("gyeongje-gwalli", "T", [("경제관리", 1)], [("economic management", 1)]),
    ("sahoejuui-gieop-chaegim-gwallije", "P", [("사회주의기업책임관리제", 1)],
     [("the socialist enterprise responsibility management system", 1)]),
    ("singnyangnan", "T", [("식량난", 1)], [("the food shortage", 1)]),
    ("daeoe-muyeok", "T", [("대외무역", 1)], [("foreign trade", 1)]),
    ("gisul-hyeoksin", "P", [("기술혁신", 1)], [("technical innovation", 1)]),
    ("gyeonggongeop", "T", [("경공업", 1)], [("light industry", 1)]),
    ("nongeop-geulloja", "T", [("농업근로자", 1)], [("the livelihood of agricultural workers", 1)]),
    ("gyehoek-gyeongje", "T", [("계획경제", 1)], [("the planned economy", 1)]),
]
TERMS = REMOVED + KEPT

TIMES = [("올해 상반기", "in the first half of this year"), ("지난해", "last year"), ("2021년 1월", "in January 2021"),
         ("2019년 12월", "in December 2019"), ("2023년 말", "at the end of 2023"), ("최근", "recently"),
         ("2024년 6월", "in June 2024"), ("2016년 5월", "in May 2016"), ("2022년 가을", "in the autumn of 2022")]
YEARS = ["2009", "2012", "2014", "2016", "2018", "2020", "2021", "2022"]
SOURCES = [("노동신문", "Rodong Sinmun"), ("로동신문", "Rodong Sinmun"), ("조선중앙통신", "the Korean Central News Agency"),
           ("북한 매체들", "North Korean media"), ("조선중앙텔레비전", "Korean Central Television"),
           ("당 기관지", "the Party newspaper")]
ORGS = [("내각", "the Cabinet"), ("각 도 인민위원회", "each provincial people's committee"),
        ("해당 부문 간부들", "officials in the sector"), ("당중앙위원회", "the Central Committee"),
        ("국가보위성", "the Ministry of State Security")]
PLACES = [("함경남도의 한 비료공장", "a fertilizer factory in South Hamgyong Province"),
          ("평안남도의 탄광", "a coal mine in South Pyongan Province"),
          ("황해북도의 한 농장", "a farm in North Hwanghae Province"),
          ("신의주의 건설 현장", "a construction site in Sinuiju"),
          ("평양의 한 방직공장", "a textile mill in Pyongyang"),
          ("강원도의 발전소", "a power station in Kangwon Province")]
SECTORS = [("농업", "agriculture"), ("건설", "construction"), ("석탄 생산", "coal production"), ("교육", "education"),
           ("보건", "public health"), ("수산업", "fisheries")]

# Frames: (Korean variants, English variants, kinds of A, kinds of B); a row takes one Korean and
# one English variant at random, as translators word the same thing differently. {A|을} is term A
# with the particle pair 을/를,
# {A} the bare term; {SRC|은}, {ORG|은}, {PLACE|을}, {TIME}, {YEAR}, {SECTOR} are fillers. A slot
# takes terms of the kinds listed (P policies, systems and campaigns; B bodies; T topics), so that
# the sentences make sense. English {A} is the term's noun phrase; a sentence's first letter is
# capitalised.
FRAMES = [
    (("{SRC|은} {A|이} {TIME} 크게 진전되었다고 보도하였다.", "{SRC|은} {TIME} {A|에서} 큰 진전이 이루어졌다고 전하였다."),
     ("{SRC} reported that {A} had made great progress {TIME}.", "{SRC} said {TIME} that {A} had advanced considerably.",
      "According to {SRC}, {A} moved forward markedly {TIME}."), "P"),
    (("{TIME} 열린 회의에서는 {A|과} {B|을} 함께 추진하는 방안이 논의되었다.",
      "{TIME} 소집된 회의에서 {A|과} {B|을} 병행하는 문제가 토의되었다."),
     ("At a meeting held {TIME}, ways of pursuing {A} together with {B} were discussed.",
      "A meeting convened {TIME} discussed how to combine {A} with {B}.",
      "{TIME}, officials met to consider pursuing {A} alongside {B}."), "P", "P"),
    (("전문가들은 {A|이} {B|에} 미친 영향이 크지 않았다고 평가한다.", "{A|이} {B|에} 준 영향은 제한적이었다는 것이 전문가들의 평가이다."),
     ("Experts judge that {A} had little effect on {B}.", "Specialists consider the impact of {A} on {B} to have been modest.",
      "In the view of most analysts, {A} did not greatly affect {B}."), "PT", "PBT"),
    (("{A|은} 김정은 시기 경제정책의 핵심 요소로 꼽힌다.", "김정은 집권 이후 {A|은} 경제정책의 중심에 놓였다."),
     ("{A} is regarded as a key element of economic policy under Kim Jong Un.",
      "Under Kim Jong Un, {A} has been central to economic policy.",
      "Many see {A} as a core part of Kim Jong Un's economic agenda."), "P"),
    (("북한 당국은 {A|을} 강화하기 위해 새로운 규정을 도입하였다.", "당국은 {A|을} 강화하려고 여러 규정을 새로 만들었다."),
     ("The North Korean authorities introduced new regulations to strengthen {A}.",
      "New rules were adopted by the authorities to reinforce {A}.",
      "To bolster {A}, Pyongyang issued a set of new regulations."), "PB"),
    (("이 보고서는 {A|의} 실태를 탈북민 면담 자료를 토대로 분석한다.", "본 연구는 탈북민 면담을 바탕으로 {A|의} 현황을 살펴본다."),
     ("This report analyses the state of {A} on the basis of interviews with defectors.",
      "Drawing on interviews with defectors, this study looks at how {A} stands today.",
      "The present study uses defector interviews to assess {A}."), "PT"),
    (("{YEAR}년 이후 {A|에} 대한 언급이 눈에 띄게 늘었다.", "{YEAR}년부터 {A|을} 언급하는 빈도가 높아졌다."),
     ("Since {YEAR}, references to {A} have increased markedly.", "{A} has been mentioned far more often since {YEAR}.",
      "Mentions of {A} have grown noticeably since {YEAR}."), "PBT"),
    (("{A|와} 관련된 통계는 거의 공개되지 않는다.", "{A|에} 관한 통계 자료는 좀처럼 공개되지 않는다."),
     ("Statistics related to {A} are rarely made public.", "Figures on {A} are seldom published.",
      "Hardly any data on {A} are released."), "PT"),
    (("{ORG|은} {A|을} 관철하기 위한 구체적인 대책을 세웠다.", "{ORG|은} {A|의} 관철을 위한 실무 대책을 마련하였다."),
     ("{ORG} drew up concrete measures to carry out {A}.", "{ORG} prepared practical steps to implement {A}.",
      "Concrete measures for carrying out {A} were worked out by {ORG}."), "P"),
    (("{A|을} 둘러싼 논의는 {B|의} 문제와 분리하기 어렵다.", "{A|에} 관한 논의를 {B|의} 문제와 떼어 놓고 보기는 어렵다."),
     ("The debate over {A} is hard to separate from the question of {B}.",
      "Discussion of {A} cannot easily be divorced from {B}.",
      "Any discussion of {A} soon turns to {B}."), "PBT", "T"),
    (("김정은 총비서는 {PLACE|을} 현지지도하면서 {A|을} 거듭 강조하였다.",
      "{PLACE|을} 현지지도한 김정은 총비서는 {A|의} 중요성을 강조하였다."),
     ("During on-the-spot guidance at {PLACE}, General Secretary Kim Jong Un repeatedly stressed {A}.",
      "Visiting {PLACE}, General Secretary Kim Jong Un emphasized the importance of {A}.",
      "On a tour of {PLACE}, Kim Jong Un again underlined {A}."), "P"),
    (("{A|은} 2000년대 이후 꾸준히 확대되어 왔다.", "2000년대 들어 {A|은} 점차 커졌다."),
     ("{A} has expanded steadily since the 2000s.", "{A} has grown gradually since the turn of the century.",
      "Since the early 2000s {A} has kept expanding."), "T"),
    (("{A|에} 관한 선행 연구는 주로 제도적 측면에 집중되어 있다.", "지금까지 {A|에} 대한 연구는 대부분 제도 분석에 머물렀다."),
     ("Earlier studies of {A} have focused mainly on its institutional aspects.",
      "Most research on {A} so far has been limited to institutional analysis.",
      "Previous work on {A} concentrates on formal institutions."), "PBT"),
    (("{SRC|은} 사설에서 {A|을} 모든 부문에서 실현해야 한다고 주장하였다.", "{SRC} 사설은 {A|을} 전 부문에 걸쳐 관철할 것을 촉구하였다."),
     ("In an editorial, {SRC} argued that {A} must be realized in every sector.",
      "An editorial in {SRC} called for {A} to be carried through in all sectors.",
      "{SRC} urged in an editorial that every sector put {A} into practice."), "P"),
    (("{A|이} 실제로 어떻게 작동하는지에 대해서는 알려진 바가 많지 않다.", "{A|의} 실제 운영 방식은 거의 알려져 있지 않다."),
     ("Little is known about how {A} actually works.", "How {A} operates in practice remains largely unknown.",
      "We know little about the day-to-day workings of {A}."), "PB"),
    (("이 글은 {A|과} {B|의} 관계를 중심으로 최근의 변화를 살펴본다.", "본고는 {A|과} {B|의} 상호 관계에 주목한다."),
     ("This paper examines recent changes with a focus on the relationship between {A} and {B}.",
      "This article focuses on how {A} and {B} relate to each other.",
      "The paper looks at the links between {A} and {B}."), "PBT", "PBT"),
    (("{TIME} 당중앙위원회 전원회의는 {A|을} 주요 의제로 다루었다.", "{TIME} 소집된 당중앙위원회 전원회의에서 {A|이} 핵심 의제가 되었다."),
     ("{TIME}, the plenary meeting of the Central Committee took up {A} as a main item on its agenda.",
      "{A} was a key agenda item at the plenary meeting of the Central Committee convened {TIME}.",
      "The plenary meeting of the Central Committee held {TIME} discussed {A} at length."), "PT"),
    (("탈북민들의 증언에 따르면 {A|은} 지역마다 다르게 적용되었다.", "탈북민들은 {A|이} 지역에 따라 달리 시행되었다고 증언한다."),
     ("According to the testimony of defectors, {A} was applied differently from region to region.",
      "Defectors testify that {A} was implemented unevenly across regions.",
      "Testimony from defectors suggests {A} varied from one region to another."), "P"),
    (("{A|을} 통해 주민들의 생활을 개선하겠다는 것이 당국의 설명이다.", "당국은 {A|으로} 주민 생활을 향상시키겠다고 밝혔다."),
     ("The authorities say that they will improve people's lives through {A}.",
      "Officials claim {A} will raise living standards.",
      "According to the authorities, {A} is meant to make life better for ordinary people."), "P"),
    (("{A|의} 성과는 아직 제한적인 것으로 보인다.", "현재까지 {A|이} 거둔 성과는 크지 않다."),
     ("The results of {A} still appear to be limited.", "So far {A} has achieved little.",
      "What {A} has delivered remains modest."), "P"),
    (("정부는 {A|에} 대한 정책을 재검토할 필요가 있다.", "우리 정부의 {A} 대응 방안을 다시 점검해야 한다."),
     ("The government needs to review its policy on {A}.", "Seoul should reconsider its approach to {A}.",
      "The South Korean government ought to rethink how it handles {A}."), "T"),
    (("{SRC|은} {A|을} 모범적인 사례로 소개하였다.", "{SRC|은} {A|을} 본보기로 내세웠다."),
     ("{SRC} presented {A} as an exemplary case.", "{SRC} held up {A} as a model.",
      "{A} was showcased by {SRC} as an example to follow."), "P"),
    (("{A|과} {B|은} 서로 밀접하게 연결되어 있다.", "{A|과} {B|은} 떼려야 뗄 수 없는 관계에 있다."),
     ("{A} and {B} are closely linked.", "{A} is inseparable from {B}.", "There is a close connection between {A} and {B}."),
     "PBT", "PBT"),
    (("{A|이} 처음 언급된 것은 {YEAR}년이다.", "{A|은} {YEAR}년에 처음 등장하였다."),
     ("{A} was first mentioned in {YEAR}.", "{A} first appeared in {YEAR}.", "The first reference to {A} dates from {YEAR}."),
     "PT"),
    (("많은 연구자들이 {A|의} 의미를 과대평가해 왔다.", "{A|의} 의의는 흔히 과장되어 왔다."),
     ("Many researchers have overestimated the significance of {A}.", "The importance of {A} has often been exaggerated.",
      "Scholars have tended to overstate {A}."), "PBT"),
    (("{A|에} 따라 기업소들의 자율성이 다소 확대되었다.", "{A|이} 시행되면서 기업소의 경영 자율성이 늘어났다."),
     ("Under {A}, enterprises gained somewhat more autonomy.",
      "With the introduction of {A}, enterprises were given more freedom in management.",
      "{A} gave enterprises a little more room for manoeuvre."), "P"),
    (("{TIME} 발표된 자료는 {A|의} 목표가 달성되지 못했음을 보여 준다.", "{TIME} 공개된 수치를 보면 {A|의} 목표는 미달되었다."),
     ("Data released {TIME} show that the targets of {A} were not met.",
      "Figures published {TIME} indicate that {A} fell short of its goals.",
      "According to data made public {TIME}, the goals of {A} were missed."), "P"),
    (("{A|은} 대북제재의 영향을 직접적으로 받고 있다.", "대북제재는 {A|에} 직접적인 타격을 주었다."),
     ("{A} is directly affected by sanctions against North Korea.", "Sanctions have hit {A} directly.",
      "International sanctions weigh heavily on {A}."), "BT"),
    (("북한은 {A|을} 내세워 체제의 정당성을 강조한다.", "북한 지도부는 {A|을} 앞세워 체제 정당성을 선전한다."),
     ("North Korea invokes {A} to stress the legitimacy of the regime.",
      "The leadership uses {A} to justify its rule.", "Pyongyang points to {A} as proof of the system's legitimacy."), "P"),
    (("{A|을} 이해하려면 {B|을} 함께 고려해야 한다.", "{A|을} 제대로 파악하기 위해서는 {B|도} 살펴보아야 한다."),
     ("To understand {A}, one must also consider {B}.", "{A} cannot be understood without looking at {B}.",
      "Making sense of {A} requires attention to {B} as well."), "PBT", "PBT"),
    (("{SECTOR} 부문에서도 {A|이} 중요한 과제로 제기되었다.", "{SECTOR} 분야 역시 {A|을} 핵심 과업으로 삼았다."),
     ("In {SECTOR}, too, {A} was raised as an important task.", "{A} also became a priority in {SECTOR}.",
      "Even in {SECTOR}, {A} was treated as a key task."), "P"),
    (("{ORG|은} {TIME} {A|에} 관한 결정을 채택하였다.", "{TIME} {ORG|은} {A|과} 관련한 결정서를 발표하였다."),
     ("{ORG} adopted a decision on {A} {TIME}.", "{TIME}, {ORG} issued a resolution concerning {A}.",
      "A decision on {A} was adopted by {ORG} {TIME}."), "PT"),
    (("{A|으로} 인해 지방 간부들의 부담이 늘어났다.", "{A|은} 지방 간부들에게 적지 않은 부담이 되었다."),
     ("The burden on local officials grew because of {A}.", "{A} put considerable strain on local cadres.",
      "Local officials found {A} a heavy burden."), "PT"),
    (("{A|은} {B|과} 달리 법적 근거가 분명하지 않다.", "{B|과} 비교하면 {A|의} 법적 근거는 모호하다."),
     ("Unlike {B}, {A} has no clear legal basis.", "Compared with {B}, the legal basis of {A} is vague.",
      "{A}, unlike {B}, rests on uncertain legal ground."), "P", "P"),
    (("{A|은} {TIME} 확대회의를 열고 {B|을} 논의하였다.", "{TIME} {A} 확대회의에서는 {B|이} 집중 논의되었다."),
     ("{A} held an enlarged meeting {TIME} and discussed {B}.",
      "At an enlarged meeting {TIME}, {A} focused on {B}.", "{B} dominated an enlarged meeting of {A} {TIME}."), "B", "PT"),
    (("{A|의} 권한은 {YEAR}년 헌법 개정으로 강화되었다.", "{YEAR}년 개정 헌법은 {A|의} 권한을 확대하였다."),
     ("The powers of {A} were strengthened by the constitutional revision of {YEAR}.",
      "The {YEAR} constitutional amendment expanded the authority of {A}.",
      "{A} gained broader powers when the constitution was revised in {YEAR}."), "B"),
    (("{A|은} {B|에} 관한 지시를 하부 기관에 내려보냈다.", "{A|은} 산하 기관들에 {B|과} 관련한 지침을 하달하였다."),
     ("{A} sent instructions on {B} down to subordinate bodies.",
      "{A} issued guidelines on {B} to the bodies under it.", "Directives on {B} went out from {A} to lower organs."),
     "B", "PT"),
    # Frames without a term: ordinary prose around the terms.
    (("이 절에서는 연구 방법과 자료를 설명한다.", "여기서는 연구에 사용한 자료와 방법을 소개한다."),
     ("This section describes the research method and the data.", "Here we introduce our data and methods.")),
    (("{SECTOR} 부문의 실적은 {TIME} 다소 개선되었다.", "{TIME} {SECTOR} 부문의 실적이 조금 나아졌다."),
     ("Results in {SECTOR} improved somewhat {TIME}.", "Performance in {SECTOR} picked up slightly {TIME}.")),
    (("{SRC|은} {PLACE|에서} 열린 행사를 상세히 전하였다.", "{PLACE|에서} 열린 행사는 {SRC|을} 통해 자세히 보도되었다."),
     ("{SRC} gave a detailed account of an event held at {PLACE}.", "An event at {PLACE} was covered in detail by {SRC}.")),
    (("이러한 변화의 원인은 다음 장에서 자세히 다룬다.", "변화의 배경은 다음 장에서 살펴본다."),
     ("The causes of these changes are treated in detail in the next chapter.",
      "The next chapter looks at why these changes came about.")),
    (("{ORG|은} {SECTOR} 부문의 간부들을 대폭 교체하였다.", "{ORG|은} {SECTOR} 분야 간부진을 대거 물갈이하였다."),
     ("{ORG} replaced many of the officials in {SECTOR}.", "{ORG} carried out a sweeping reshuffle of cadres in {SECTOR}.")),
    (("표 2는 {YEAR}년부터의 주요 지표를 정리한 것이다.", "{YEAR}년 이후의 주요 지표는 표 2와 같다."),
     ("Table 2 summarizes the main indicators since {YEAR}.", "The main indicators since {YEAR} are shown in Table 2.")),
]

_PAIRS = {"을": ("을", "를"), "를": ("을", "를"), "이": ("이", "가"), "가": ("이", "가"), "은": ("은", "는"),
          "는": ("은", "는"), "과": ("과", "와"), "와": ("과", "와"), "으로": ("으로", "로"), "로": ("으로", "로")}


def particle(word: str, p: str) -> str:
    """Attach particle p (either form of a pair) to a word according to its last sound."""
    if p not in _PAIRS:
        return word + p
    last = word[-1]
    code = ord(last) - 0xAC00
    if 0 <= code < 11172:
        final = code % 28
    else:  # a digit or symbol: read as spoken (×10 정책 ends in a Hangul word anyway)
        final = 1
    consonant, vowel = _PAIRS[p]
    if p in ("으로", "로"):
        return word + ("로" if final in (0, 8) else "으로")  # ㄹ takes 로
    return word + (consonant if final else vowel)


def _weighted(rng: random.Random, items):
    total = sum(w for _, w in items)
    x = rng.randrange(total)
    for value, w in items:
        if x < w:
            return value
        x -= w
    raise AssertionError


def _fill(frame: tuple, rng: random.Random, terms, first=None) -> tuple[str, str]:
    ko_variants, en_variants, *kinds = frame
    ko, en = rng.choice(ko_variants), rng.choice(en_variants)
    slots = {}
    for name, accepted in zip(("A", "B"), kinds):
        if name == "A" and first is not None:
            slots[name] = first
            continue
        pool = [t for t in terms if t[1] in accepted and all(t is not other for other in slots.values())]
        slots[name] = rng.choice(pool)
    time, year = rng.choice(TIMES), rng.choice(YEARS)
    src, org, place, sector = rng.choice(SOURCES), rng.choice(ORGS), rng.choice(PLACES), rng.choice(SECTORS)
    words = {"SRC": src, "ORG": org, "PLACE": place, "SECTOR": sector, "TIME": time, "YEAR": (year, year)}
    for name, t in slots.items():
        words[name] = (_weighted(rng, t[2]), _weighted(rng, t[3]))

    def korean(m: str) -> str:
        name, _, p = m.partition("|")
        return particle(words[name][0], p) if p else words[name][0]

    def english(m: str) -> str:
        return words[m][1]

    ko_out = _substitute(ko, korean)
    en_out = _substitute(en, english)
    return ko_out, en_out[0].upper() + en_out[1:]


def _substitute(template: str, fn) -> str:
    out, i = [], 0
    while True:
        j = template.find("{", i)
        if j < 0:
            out.append(template[i:])
            return "".join(out)
        k = template.index("}", j)
        out.append(template[i:j])
        out.append(fn(template[j + 1:k]))
        i = k + 1


def generate(rows: int = ROWS, seed: int = SEED) -> list[tuple[str, str, str]]:
    """(doc, ko, en) rows; a document every 25 rows."""
    rng = random.Random(seed)
    plain = [f for f in FRAMES if len(f) == 2]
    out = []
    for n in range(rows):
        if rng.random() < PLAIN_SHARE:
            ko, en = _fill(rng.choice(plain), rng, TERMS)
        else:  # every term equally often in slot A, in a frame that suits it
            term = rng.choice(TERMS)
            ko, en = _fill(rng.choice([f for f in FRAMES if len(f) > 2 and term[1] in f[2]]), rng, TERMS, term)
        out.append((f"paper-{n // 25 + 1:04d}", ko, en))
    return out


def write(path: Path, rows: int = ROWS, seed: int = SEED) -> None:
    lines = [HEADER] + ["\t".join(r) for r in generate(rows, seed)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def write_reduced_glossary(directory: Path) -> list[Path]:
    """The bundled glossary without the ten REMOVED concepts, as YAML files (one per domain) in directory."""
    from termkit.glossary.assemble import load_concepts
    from termkit.glossary.yamlio import write_glossary

    removed = {t[0] for t in REMOVED}
    return write_glossary([c for c in load_concepts() if c.id not in removed], Path(directory))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", type=Path, default=CORPUS)
    ap.add_argument("--rows", type=int, default=ROWS)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--reduced-glossary", type=Path, metavar="DIR",
                    help="write the bundled glossary without the ten REMOVED concepts to DIR, and nothing else")
    args = ap.parse_args(argv)
    if args.reduced_glossary:
        write_reduced_glossary(args.reduced_glossary)
        return
    write(args.out, args.rows, args.seed)


if __name__ == "__main__":
    main()

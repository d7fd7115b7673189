"""Short hand-written articles in varied outlet styles (US local, science, markets wire,
celebrity interview, British court and politics, conflict wire, sport, tech), each with
its speakers annotated: every annotated passage must be found with that speaker."""
from __future__ import annotations

import pytest

from api.extraction import extract_quotes

ARTS = {
"us_local": ("""City council delays vote on bus depot

SPRINGFIELD - The city council on Tuesday postponed a vote on a new bus depot after residents packed the chamber.

"We were promised a park, not a parking lot for buses," said Councilwoman Maria Ortiz, D-District 4. "This is not what the neighborhood asked for."

Transit director Paul Becker defended the plan. "The depot will cut idle time by a third," he said.

Ortiz said on Tuesday that she would introduce an amendment next week.

Dana Riley, 34, who lives two blocks from the site, said she worried about diesel fumes. "My kids walk past there every day," Riley said.

Members of Union Local 418 also attended. "Our drivers need a safe place to park overnight," said Union Local 418 in a statement.
""", [("We were promised", "Maria Ortiz"), ("This is not what", "Maria Ortiz"),
      ("The depot will", "Paul Becker"), ("she would introduce", "Maria Ortiz"),
      ("My kids walk", "Dana Riley"), ("Our drivers need", "Union Local 418")]),

"science": ("""New virus strain spreads slowly, study finds

A new strain of the virus spreads more slowly than earlier variants, researchers said on Monday.

"It is good news, but it is not the end of the story," said Dr. Amara Nwosu, an epidemiologist at the University of Lagos who led the study.

Nwosu cautioned that the sample was small. "We looked at fewer than 400 cases," she said.

"We need more sequencing before we relax," she added.

Her co-author, James Whitfield, said hospitals should keep testing. "The data are encouraging," the researcher said.
""", [("It is good news", "Amara Nwosu"), ("the sample was small", "Amara Nwosu"),
      ("We looked at", "Amara Nwosu"), ("We need more", "Amara Nwosu"),
      ("hospitals should keep", "James Whitfield"), ("The data are", "James Whitfield")]),

"markets": ("""Harrow & Finch shares slide on profit warning

LONDON (Reuters) - Shares in Harrow & Finch fell 12% on Thursday after the retailer cut its profit forecast.

"Trading in the final quarter was weaker than we expected," Harrow & Finch said in a statement.

According to a note from Barclays, "the warning raises questions about the turnaround plan."

Analyst Priya Desai at Investec said the cut was larger than feared. "This is the third warning in a year," the analyst said.

A statement from the company said it would close 20 stores. Chief executive Mark Stone told Reuters that the board backed him.

"We have the right plan," Stone said.
""", [("Trading in the final", "Harrow & Finch"), ("the warning raises", "Barclays"),
      ("the cut was larger", "Priya Desai"), ("This is the third", "Priya Desai"),
      ("the board backed him", "Mark Stone"), ("We have the right", "Mark Stone")]),

"celebrity": ("""Lena Hartmann on fame, family and her new film

Lena Hartmann has spent two decades in front of the camera. Her co-star, Tom Brady-Cole, says she never stops working.

"I still get nervous on the first day," Hartmann said over coffee in Berlin. "Every single time."

"She is the most prepared person on any set," Brady-Cole said. "She knows everyone's lines."

The actress laughed when asked about retirement. "Not yet," she said.

"He is being far too kind," the singer-turned-actress added. "He carried me through the night shoots."

Brady-Cole said he had learned more from her than from any director.
""", [("I still get nervous", "Lena Hartmann"), ("Every single time", "Lena Hartmann"),
      ("She is the most", "Tom Brady-Cole"), ("She knows everyone", "Tom Brady-Cole"),
      ("Not yet", "Lena Hartmann"), ("He is being far", "Lena Hartmann"),
      ("He carried me", "Lena Hartmann"), ("he had learned more", "Tom Brady-Cole")]),

"court": ("""Man jailed for attack on shopkeeper

A man who attacked a shopkeeper with a bottle has been jailed for six years.

Judge Miriam Osei told Leeds Crown Court the attack was "senseless and cowardly".

"You showed no remorse whatsoever," the judge told Daniel Pryce, 29, as she passed sentence.

Prosecutor Simon Hale said Pryce had been drinking all afternoon. "The victim was simply doing his job," Mr Hale said.

Defending, Rachel Moore said her client was ashamed. "He accepts he has let his family down," she told the court.

The Home Secretary said in a statement that shop workers deserved protection. Helen Marsh added: "Attacks on retail staff will not be tolerated."

"We will change the law," the minister said.
""", [("senseless and cowardly", "Miriam Osei"), ("You showed no remorse", "Miriam Osei"),
      ("Pryce had been drinking", "Simon Hale"), ("The victim was simply", "Simon Hale"),
      ("her client was ashamed", "Rachel Moore"), ("He accepts he", "Rachel Moore"),
      ("Attacks on retail", "Helen Marsh"), ("We will change", "Helen Marsh")]),

"conflict": ("""Ceasefire talks stall as shelling resumes

GENEVA (AFP) - Talks on a ceasefire stalled on Sunday as shelling resumed along the front, officials said.

UN envoy Karim Haddad told reporters that both sides had agreed to meet again. "Nobody has walked away," Haddad said.

"There can be no talks while our towns are under fire," said Colonel Olena Petrenko, a military spokeswoman.

The envoy warned that aid convoys could not reach the area. A spokesman for the Red Cross said the situation was "desperate".

"We have not been able to deliver water for nine days," the spokesman said.

Haddad noted that the next round would take place in Vienna.
""", [("both sides had agreed", "Karim Haddad"), ("Nobody has walked", "Karim Haddad"),
      ("There can be no talks", "Olena Petrenko"), ("aid convoys could not", "Karim Haddad"),
      ("We have not been able", "spokesman for the Red Cross"), ("the next round would", "Karim Haddad")]),

"sport": ("""Neymar fires Santos into final

Neymar scored twice as Santos reached the final on Saturday.

"I feel young again," Neymar, 33, told reporters after the match. "My legs are fresh."

Coach Fabio Carille praised his captain. "He is still the best player in Brazil," Carille said.

"We suffered in the first half," the coach said. "But the boys never stopped running."

Neymar said his knee was fine.
""", [("I feel young", "Neymar"), ("My legs are fresh", "Neymar"),
      ("He is still the best", "Fabio Carille"), ("We suffered", "Fabio Carille"),
      ("But the boys", "Fabio Carille"), ("his knee was fine", "Neymar")]),

"british_politics": ("""Minister under fire over housing pledge

The Home Secretary, Helen Marsh, faced questions from MPs on Wednesday over the housing pledge.

"We will build the homes this country needs," the minister said. "I make no apology for that."

Shadow home secretary Alan Whitlock said the government had no plan. "They have had fourteen years," he said.

"This is a serious plan," she said. "It is fully costed."

A Downing Street spokesperson said the prime minister had full confidence in Ms Marsh.

According to a statement from the Local Government Association, councils had not been consulted.
""", [("We will build", "Helen Marsh"), ("I make no apology", "Helen Marsh"),
      ("the government had no plan", "Alan Whitlock"), ("They have had", "Alan Whitlock"),
      ("This is a serious", "Helen Marsh"), ("It is fully", "Helen Marsh")]),

"tech": ("""Parlance adds recording indicator after privacy row

The app maker Parlance said on Friday it would add a visible indicator whenever a call is recorded.

"Transparency is the whole point," chief product officer Grace Lin said in an interview. She added that the change would roll out in June.

Privacy campaigner Omar Said, of Digital Rights Watch, welcomed the move but warned that it came late. "They only acted when they were caught," he said.

Lin said the company had not received any complaints from regulators. "We talk to them regularly," she said.

"Recording never runs without a visible indicator," Parlance said in a blog post.
""", [("Transparency is", "Grace Lin"), ("the change would roll", "Grace Lin"),
      ("it came late", "Omar Said"), ("They only acted", "Omar Said"),
      ("the company had not", "Grace Lin"), ("We talk to them", "Grace Lin"),
      ("Recording never runs", "Parlance")]),
}

# "A spokesman for the Red Cross" is the anonymous speaker "spokesman for the Red Cross",
# as the gold convention has it (tests/gold/HELDOUT2.md, decisions 4 and 30).
CASES = [(key, prefix, name) for key, (_, gold) in ARTS.items() for prefix, name in gold]


@pytest.mark.parametrize("key,prefix,name", CASES)
def test_article_speakers(key, prefix, name):
    text = ARTS[key][0]
    quotes = extract_quotes(text, "2024-05-02")
    assert all(text[q.start:q.end] == q.text for q in quotes)
    found = [q for q in quotes if q.text.startswith(prefix)]
    assert found, f"no passage starting {prefix!r}"
    assert found[0].speaker is not None and found[0].speaker.name == name

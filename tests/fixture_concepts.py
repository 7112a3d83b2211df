"""YAML concepts that several test glossaries share (the party, the army, the assembly with another state's name)."""

PARTY = """\
- id: rodongdang
  type: institution
  ko: 조선로동당
  en:
    preferred: [Workers' Party of Korea]
  confidence: high
  specs:
  - text: "The Workers' Party of Korea met."
    expect: []
"""

ARMY = """\
- id: inmingun
  type: institution
  ko: 조선인민군
  en:
    preferred: [Korean People's Army]
  confidence: high
  specs:
  - text: "The Korean People's Army paraded."
    expect: []
"""

ASSEMBLY = """\
- id: choego-inmin-hoeui
  type: institution
  ko: 최고인민회의
  mr: ch'oego inmin hoeŭi
  en:
    preferred: [Supreme People's Assembly]
    wrong:
    - form: National Assembly
      reason: South Korea's legislature (국회)
      other_state: South Korea
  confidence: high
  specs:
  - text: "The Supreme People's Assembly met."
    expect: []
"""

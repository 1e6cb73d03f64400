var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["s"]=[
"shaping","sources","strategic"
];

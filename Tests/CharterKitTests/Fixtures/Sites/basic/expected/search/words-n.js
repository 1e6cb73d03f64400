var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["n"]=[
"name","named","names"
];

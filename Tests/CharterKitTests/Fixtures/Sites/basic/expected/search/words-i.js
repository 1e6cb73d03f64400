var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["i"]=[
"insight","information","inside","integrates","internal","involved","involves"
];

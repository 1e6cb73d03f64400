var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["e"]=[
"engagement","executive"
];

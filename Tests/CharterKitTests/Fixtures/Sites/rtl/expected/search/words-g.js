var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["g"]=[
"governance"
];

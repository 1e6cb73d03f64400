var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["g"]=[
"gets","go","goal","goes","going","governance","groups","guides"
];

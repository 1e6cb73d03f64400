var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["f"]=[
"fewer","formalised","formalized"
];

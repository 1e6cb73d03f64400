var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["p"]=[
"planning","panel","practice","presence"
];

var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["l"]=[
"least","listening","lead","leadership","left","listens"
];

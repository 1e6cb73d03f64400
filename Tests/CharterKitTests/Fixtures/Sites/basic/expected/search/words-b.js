var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["b"]=[
"business","before","back","been","best","beyond","build"
];

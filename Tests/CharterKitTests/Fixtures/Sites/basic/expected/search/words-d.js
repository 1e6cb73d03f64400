var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["d"]=[
"date","decides","decision","decisions","direction","disputes","dissemination","does"
];

var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["o"]=[
"organisation","objective","objectives","one","only","owner","obstacles","officer","open","other","out","outside","own"
];

var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["a"]=[
"any","assessment","avoidable","accountable","accounts","across","act","active","after","agree","alone","ana","analysts","answer","answers","area","ask","attests"
];

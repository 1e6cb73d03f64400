var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["p"]=[
"part","plan","people","partners","planning","process","pages","panel","path","peer","plans","platforms","playbook","policies","practice","presence","program","public","published","pursued"
];

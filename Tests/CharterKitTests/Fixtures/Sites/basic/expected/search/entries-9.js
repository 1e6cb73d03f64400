var s=window.charterSearch=window.charterSearch||{};(s.entries=s.entries||{})[9]=[
["Training","responsibilities/training.html","responsibility","Teaches staff to take part well and safely.",""],
["Technology","responsibilities/technology.html","responsibility","Chooses, runs and integrates the platforms and tools.",""]
];

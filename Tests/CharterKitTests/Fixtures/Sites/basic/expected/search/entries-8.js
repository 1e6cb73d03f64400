var s=window.charterSearch=window.charterSearch||{};(s.entries=s.entries||{})[8]=[
["Best Practice","responsibilities/best-practice.html","responsibility","Collects what works and spreads it across teams.",""],
["Content Direction","responsibilities/content-direction.html","responsibility","Decides what is published, in what voice, and when.",""]
];

var s=window.charterSearch=window.charterSearch||{};(s.entries=s.entries||{})[10]=[
["Leadership","responsibilities/leadership.html","responsibility","Champions the strategy and removes obstacles.",""],
["Insight Dissemination","responsibilities/insight-dissemination.html","responsibility","Turns what is heard into findings and gets them to the people who act.",""]
];

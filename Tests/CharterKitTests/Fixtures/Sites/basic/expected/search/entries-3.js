var s=window.charterSearch=window.charterSearch||{};(s.entries=s.entries||{})[3]=[
["Insight team","teams/insight.html","team","Turn what customers say into decisions.","Turn what customers say into decisions. Insight lead"],
["Member panel","parties/panel.html","external party","Twelve members who review what we plan before it goes out.","Twelve members who review what we plan before it goes out."]
];

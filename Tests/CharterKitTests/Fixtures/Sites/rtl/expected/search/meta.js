var s=window.charterSearch=window.charterSearch||{};s.meta={
"entries":24,"perFile":2,"shards":[
[":stage:converged","1ftodn4"]
],"kinds":[["playbook","פלייבוק",0,3],["strategy","אסטרטגיה",3,4],["team","צוות",4,7],["party","גורם חיצוני",7,8],["objective","יעד עסקי",8,9],["stage","שלב",9,15],["responsibility","תחום אחריות",15,24]],"facets":{"strategy":[["community","קהילת לקוחות"]],"stage":[["planning","תכנון"],["presence","נוכחות"],["engagement","מעורבות"],["formalised","מיסוד"],["strategic","שילוב אסטרטגי"],["converged","התכנסות"]],"tag":[["listening","listening"],["planning","planning"]]}};

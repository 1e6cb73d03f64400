var s=window.charterSearch=window.charterSearch||{};s.meta={
"entries":24,"perFile":2,"shards":[
[":stage:converged","1ftodn4"]
],"kinds":[["playbook","playbook",0,3],["strategy","strategy",3,4],["team","team",4,7],["party","external party",7,8],["objective","objective",8,9],["stage","stage",9,15],["responsibility","responsibility",15,24]],"facets":{"strategy":[["community","Customer community"]],"stage":[["planning","Planning"],["presence","Presence"],["engagement","Engagement"],["formalised","Formalised"],["strategic","Strategic"],["converged","Converged"]],"tag":[["listening","listening"],["planning","planning"]]}};

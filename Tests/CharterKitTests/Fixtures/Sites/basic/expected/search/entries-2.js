var s=window.charterSearch=window.charterSearch||{};(s.entries=s.entries||{})[2]=[
["Executive committee","teams/executive.html","team","Sponsor the strategies and clear the way.","Sponsor the strategies and clear the way. Chief Customer Officer"],
["Community Hub","teams/hub.html","team","Coordinate and teach the people who run our communities.","Coordinate and teach the people who run our communities. Head of Community Ana Reyes Community analysts moderator"]
];

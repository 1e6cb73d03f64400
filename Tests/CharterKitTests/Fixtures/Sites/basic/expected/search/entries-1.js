var s=window.charterSearch=window.charterSearch||{};(s.entries=s.entries||{})[1]=[
["Fixture Playbook","index.html","playbook","Start with the listening plan .","Start with the listening plan ."],
["Customer community","strategies/community.html","strategy","Customers answer each other's everyday questions, with our staff in the conversation.","Customers answer each other's everyday questions, with our staff in the conversation. Answers from people who have been there. Peer answers Ask a member Faster answers, at any hour Fewer avoidable calls Why the community matters, in a few words."]
];

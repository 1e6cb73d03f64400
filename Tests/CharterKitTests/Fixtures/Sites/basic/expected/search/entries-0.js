var s=window.charterSearch=window.charterSearch||{};(s.entries=s.entries||{})[0]=[
["Escalating a risk","guides/escalation.html","playbook","Back to the plan . Tip Escalate early: a risk named is a risk halved.","Back to the plan . Tip Escalate early: a risk named is a risk halved."],
["Listening plan","guides/listening-plan.html","playbook","How we hear customers before we plan.","Listening comes before any objective 1 . Sources Source Cadence Support tickets weekly Checklist Name an owner Agree the cadence See the team . Objectives set before an assessment tend to change after it. ↩"]
];

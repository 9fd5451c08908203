/**
 * The demo's scenario: two branches, five badges worn by wealth managers, a
 * lobby manager and a teller, corpus dialogues, a conversation every few
 * minutes per badge, in real time.
 */
import { parseScenarioText } from '../scenario/scenario-file.js';
import type { Scenario } from '../scenario/types.js';

export function demoScenario(opts: { minutes: number; speed: number; conversationsPerHour: number }): Scenario {
  const yaml = `version: 1
name: demo
description: Two branches, five badges, corpus dialogues.
seed: 7
duration: ${opts.minutes}m
speed: ${opts.speed}
speech:
  noise: { colour: brown, snrDb: 25 }
dialogues:
  corpus: { ids: all }
branches:
  - id: br-north
    name: 北城支行
    staff:
      - { id: st-chen, name: 陈静, role: wealth_manager }
      - { id: st-wang, name: 王磊, role: lobby_manager }
      - { id: st-li, name: 李娜, role: teller }
    badges:
      - { id: badge-demo-01, staff: st-chen }
      - { id: badge-demo-02, staff: st-wang }
      - { id: badge-demo-03, staff: st-li }
  - id: br-east
    name: 东湖支行
    staff:
      - { id: st-zhao, name: 赵敏, role: wealth_manager }
      - { id: st-sun, name: 孙浩, role: wealth_manager }
    badges:
      - { id: badge-demo-11, staff: st-zhao }
      - { id: badge-demo-12, staff: st-sun }
shifts:
  - badges: all
    length: ${opts.minutes}m
    conversationsPerHour: ${opts.conversationsPerHour}
`;
  return parseScenarioText(yaml, 'yaml', 'demo');
}

import type { LocalisedText, RiskInstrumentContent, RiskItem } from './risk-instrument';

/**
 * The starter instruments Cầu Nối ships (issue 10): our own wording, modelled on how domestic-violence
 * danger checklists work, not a copy of any licensed tool. A province's admins publish their own
 * versions; these are version 1. Questions are asked of, or about, the survivor ("chị" for an adult
 * woman; the child variant is answered by the caseworker from what the child and carers said).
 */

const yes = (key: string, weight: number, vi: string, en: string, critical = false): RiskItem => ({
  key,
  kind: 'yes_no',
  weight,
  text: { vi, en },
  ...(critical ? { critical } : {}),
});

const FREQUENCY_LABELS: LocalisedText[] = [
  { vi: 'Không xảy ra', en: 'Not at all' },
  { vi: 'Một lần', en: 'Once' },
  { vi: 'Vài lần', en: 'A few times' },
  { vi: 'Hằng tuần hoặc thường xuyên hơn', en: 'Weekly or more often' },
];

const frequency = (vi: string, en: string): RiskItem => ({
  key: 'frequency',
  kind: 'scale',
  weight: 1,
  scaleMax: 3,
  text: { vi, en },
  scaleLabels: FREQUENCY_LABELS,
});

export const STARTER_ADULT_INSTRUMENT: RiskInstrumentContent = {
  code: 'caunoi-danger-adult',
  audience: 'adult',
  title: {
    vi: 'Bảng đánh giá nguy cơ (người trưởng thành)',
    en: 'Danger assessment (adult)',
  },
  thresholds: { medium: 8, high: 15 },
  items: [
    yes(
      'strangulation',
      3,
      'Người gây bạo lực đã từng bóp cổ, siết cổ hoặc làm chị ngạt thở chưa?',
      'Has the person who uses violence ever choked, strangled or smothered her?',
      true,
    ),
    yes(
      'threat_to_kill',
      3,
      'Người đó đã đe dọa giết chị, con của chị hoặc người thân của chị chưa?',
      'Has he threatened to kill her, her children or someone close to her?',
      true,
    ),
    yes(
      'weapon',
      3,
      'Người đó đã dùng hoặc đe dọa dùng dao, súng hay vật nguy hiểm khác chưa?',
      'Has he used, or threatened to use, a knife, a gun or another weapon?',
      true,
    ),
    yes(
      'escalation',
      2,
      'Thời gian gần đây bạo lực có xảy ra thường xuyên hơn hoặc nghiêm trọng hơn không?',
      'Has the violence recently become more frequent or more severe?',
    ),
    yes(
      'fear_of_death',
      2,
      'Chị có sợ người đó sẽ gây thương tích nặng hoặc giết chị không?',
      'Is she afraid that he will seriously injure or kill her?',
    ),
    yes(
      'separation',
      2,
      'Chị vừa chia tay, ly thân hoặc đang định rời khỏi người đó?',
      'Has she recently separated from him, or is she planning to leave?',
    ),
    yes(
      'sexual_violence',
      2,
      'Người đó có ép buộc chị quan hệ tình dục hoặc làm những việc tình dục chị không muốn không?',
      'Has he forced her into sex or sexual acts she did not want?',
    ),
    yes(
      'suicide_threat',
      2,
      'Người đó có đe dọa hoặc cố gắng tự tử không?',
      'Has he threatened or attempted suicide?',
    ),
    yes(
      'order_breached',
      2,
      'Người đó đã từng vi phạm quyết định cấm tiếp xúc hoặc cam kết không?',
      'Has he ever broken a no-contact order or a written undertaking?',
    ),
    yes(
      'injury',
      1,
      'Lần bạo lực gần nhất có gây thương tích cho chị không?',
      'Did the latest incident injure her?',
    ),
    yes(
      'pregnancy',
      1,
      'Chị đang mang thai hoặc mới sinh con (dưới 12 tháng)?',
      'Is she pregnant, or did she give birth in the last 12 months?',
    ),
    yes(
      'control',
      1,
      'Người đó có kiểm soát, theo dõi hoặc ghen tuông cực đoan với chị không?',
      'Does he control, watch or show extreme jealousy towards her?',
    ),
    yes(
      'isolation',
      1,
      'Người đó có ngăn cản chị gặp gia đình, bạn bè hoặc ra ngoài không?',
      'Does he stop her seeing family or friends, or going out?',
    ),
    yes(
      'stalking',
      1,
      'Người đó có theo dõi, đeo bám hoặc liên tục gọi điện, nhắn tin cho chị không?',
      'Does he follow her, or call or message her constantly?',
    ),
    yes(
      'children_harmed',
      1,
      'Trẻ em trong nhà có bị đánh đập hoặc phải chứng kiến bạo lực không?',
      'Have children in the home been hurt, or seen the violence?',
    ),
    yes(
      'economic_control',
      1,
      'Người đó có chiếm giữ tiền bạc, tài sản hoặc giấy tờ tùy thân của chị không?',
      'Does he keep her money, property or identity papers from her?',
    ),
    yes(
      'alcohol_drugs',
      1,
      'Người đó có thường xuyên say rượu hoặc sử dụng ma túy không?',
      'Does he often drink heavily or use drugs?',
    ),
    yes(
      'property_animals',
      1,
      'Người đó có đập phá đồ đạc hoặc hành hạ vật nuôi để đe dọa chị không?',
      'Has he smashed things or hurt animals to frighten her?',
    ),
    yes(
      'violent_history',
      1,
      'Người đó đã từng có hành vi bạo lực với người khác hoặc có tiền án không?',
      'Has he been violent to others, or does he have a criminal record?',
    ),
    frequency(
      'Trong tháng qua, bạo lực xảy ra thường xuyên như thế nào?',
      'How often did violence happen in the last month?',
    ),
  ],
};

export const STARTER_CHILD_INSTRUMENT: RiskInstrumentContent = {
  code: 'caunoi-danger-child',
  audience: 'child',
  title: {
    vi: 'Bảng đánh giá nguy cơ (trẻ em dưới 16 tuổi)',
    en: 'Danger assessment (child under 16)',
  },
  thresholds: { medium: 5, high: 10 },
  items: [
    yes(
      'sexual_abuse',
      3,
      'Có dấu hiệu hoặc lời kể về việc trẻ bị xâm hại tình dục không?',
      'Are there signs, or an account, of sexual abuse of the child?',
      true,
    ),
    yes(
      'serious_injury',
      3,
      'Trẻ có thương tích nghiêm trọng hoặc cần chăm sóc y tế ngay không?',
      'Does the child have a serious injury or need medical care now?',
      true,
    ),
    yes(
      'no_safe_carer',
      3,
      'Trẻ không có người lớn nào an toàn để chăm sóc và bảo vệ?',
      'Is there no safe adult to care for and protect the child?',
      true,
    ),
    yes(
      'self_harm',
      3,
      'Trẻ có tự làm hại bản thân hoặc nói muốn chết không?',
      'Has the child harmed themself or said they want to die?',
      true,
    ),
    yes(
      'lives_with_perpetrator',
      2,
      'Trẻ có đang sống cùng hoặc thường xuyên gặp người gây hại không?',
      'Does the child live with, or often see, the person who harms them?',
    ),
    yes(
      'secrecy_threats',
      2,
      'Trẻ có bị đe dọa để phải giữ bí mật không?',
      'Has the child been threatened into keeping it secret?',
    ),
    yes(
      'afraid_to_go_home',
      2,
      'Trẻ có sợ về nhà hoặc sợ một người trong nhà không?',
      'Is the child afraid to go home, or afraid of someone at home?',
    ),
    yes(
      'trafficking_or_marriage',
      2,
      'Trẻ có nguy cơ bị mua bán, bóc lột hoặc tảo hôn không?',
      'Is the child at risk of trafficking, exploitation or early marriage?',
    ),
    yes('very_young', 1, 'Trẻ dưới 6 tuổi?', 'Is the child under 6?'),
    yes(
      'disability',
      1,
      'Trẻ có khuyết tật hoặc bệnh khiến trẻ khó tự bảo vệ không?',
      'Does the child have a disability or illness that makes self-protection harder?',
    ),
    yes(
      'neglect',
      1,
      'Trẻ có bị bỏ mặc về ăn uống, vệ sinh hoặc chăm sóc y tế không?',
      'Is the child neglected in food, hygiene or medical care?',
    ),
    yes(
      'out_of_school',
      1,
      'Trẻ có bỏ học hoặc bị cấm đến trường không?',
      'Has the child dropped out of, or been kept from, school?',
    ),
    yes('repeated', 1, 'Việc gây hại đã từng xảy ra trước đây?', 'Has the harm happened before?'),
    frequency(
      'Trong tháng qua, trẻ bị gây hại thường xuyên như thế nào?',
      'How often was the child harmed in the last month?',
    ),
  ],
};

export const STARTER_RISK_INSTRUMENTS: readonly RiskInstrumentContent[] = [
  STARTER_ADULT_INSTRUMENT,
  STARTER_CHILD_INSTRUMENT,
];

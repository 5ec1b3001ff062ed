import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type {
  ExportLanguage,
  IncidentReportFormVocabularyKey,
  IncidentReportView,
  StatisticsVocabularyKey,
} from '@caunoi/shared/contracts';
import {
  incidentReportFormVocabularyEn,
  incidentReportFormVocabularyVi,
  statisticsVocabularyEn,
  statisticsVocabularyVi,
} from '@caunoi/shared/contracts';
import { VIETNAM_TIME_ZONE } from '@caunoi/shared/domain';
import { vietnamTime } from '../statistics/export/export-document';

/** Who the form is from and to, and where the incident happened, by name. */
export interface IncidentReportFormParties {
  centre: string;
  /** The province's name as the units table holds it ("Thành phố Đà Nẵng"); null if unknown. */
  province: string | null;
  /** The province's reporting authority (the recipient once submitted). */
  authority: string | null;
  /** The commune where the incident happened. */
  commune: string | null;
}

type FormKey = IncidentReportFormVocabularyKey | StatisticsVocabularyKey;

const DICTIONARIES: Record<ExportLanguage, Readonly<Record<string, string>>> = {
  vi: { ...statisticsVocabularyVi, ...incidentReportFormVocabularyVi },
  en: { ...statisticsVocabularyEn, ...incidentReportFormVocabularyEn },
};

const BLANK = '........';

const VIETNAM_DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** "Thành phố Đà Nẵng" → "Đà Nẵng": the place name of a document's date line. */
function placeName(province: string | null): string {
  return province ? province.replace(/^(Tỉnh|Thành phố)\s+/iu, '') : BLANK;
}

/**
 * The 10-day incident report (seed 003 VI.2: the result of handling a serious incident, to the
 * provincial People's Committee through the labour/social department, no later than 10 days after
 * discovery) laid out as a Vietnamese administrative report (Decree 30/2020/NĐ-CP): the unit and the
 * national heading, number and date line, "BÁO CÁO" with its subject, "Kính gửi", the incident's
 * coded facts, the result of handling, the deadline, recipients and the head of unit's signature.
 * Codes and coded facts only, as the report itself: no identity of the survivor.
 */
export function incidentReportForm(
  report: IncidentReportView,
  parties: IncidentReportFormParties,
  language: ExportLanguage,
  printedAt: Date,
): TDocumentDefinitions {
  const dictionary = DICTIONARIES[language];
  const t = (key: FormKey, params: Record<string, string> = {}): string =>
    Object.entries(params).reduce(
      (text, [name, value]) => text.replaceAll(`{${name}}`, value),
      dictionary[key] ?? key,
    );
  const list = (prefix: string, codes: readonly string[]): string =>
    codes.length === 0
      ? t('reportForm.none')
      : codes.map((code) => t(`${prefix}.${code}` as FormKey)).join('; ');
  const at = (iso: string | null): string =>
    iso ? vietnamTime(new Date(iso)) : t('reportForm.notYet');

  // A day period ends at 24:00 of its last day (Civil Code Art. 148): say so rather than "00:00" next day.
  const due = (iso: string | null): string => {
    if (!iso) return t('reportForm.none');
    const instant = new Date(iso);
    const shown = vietnamTime(instant);
    return shown.endsWith(' 00:00')
      ? `24:00 ${vietnamTime(new Date(instant.getTime() - 1)).slice(0, 10)}`
      : shown;
  };
  const c = report.content;
  const [day, month, year] = VIETNAM_DAY.format(
    report.submittedAt ? new Date(report.submittedAt) : printedAt,
  ).split('/') as [string, string, string];
  const submitted = report.submittedAt
    ? `${at(report.submittedAt)} (${t(report.onTime ? 'reportForm.onTime' : 'reportForm.late')})`
    : t('reportForm.notYet');

  const row = (label: FormKey, value: string): Content => ({
    columns: [
      { text: `${t(label)}:`, width: 190, color: '#333333' },
      { text: value, width: '*' },
    ],
    columnGap: 8,
    margin: [0, 0, 0, 3],
  });

  return {
    info: { title: t('reportForm.subject'), creator: 'Cầu Nối', producer: 'Cầu Nối' },
    pageSize: 'A4',
    // Decree 30/2020 margins: top and bottom 20 mm, left 30 mm, right 15 mm.
    pageMargins: [85, 57, 43, 57],
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2 },
    styles: {
      heading: { bold: true, margin: [0, 10, 0, 4] },
    },
    // Every sheet says what the form holds (codes only), when it was printed and which page it is.
    footer: (page: number, pages: number) => ({
      stack: [
        { text: t('reportForm.privacy'), italics: true },
        `${t('reportForm.printedAt', { at: vietnamTime(printedAt) })} · ${page}/${pages}`,
      ],
      alignment: 'center',
      fontSize: 8,
      color: '#555555',
      margin: [85, 12, 43, 0],
    }),
    content: [
      {
        columns: [
          {
            width: '40%',
            stack: [
              { text: parties.centre.toUpperCase(), bold: true, alignment: 'center' },
              { text: '_______', alignment: 'center', margin: [0, -6, 0, 4] },
              { text: t('reportForm.number'), alignment: 'center' },
            ],
          },
          {
            width: '60%',
            stack: [
              { text: t('reportForm.nation'), bold: true, alignment: 'center' },
              { text: t('reportForm.motto'), bold: true, alignment: 'center' },
              { text: '_______________', alignment: 'center', margin: [0, -6, 0, 4] },
              {
                text: t('reportForm.placeDate', {
                  place: placeName(parties.province),
                  day,
                  month,
                  year,
                }),
                italics: true,
                alignment: 'center',
              },
            ],
          },
        ],
        columnGap: 10,
      },
      {
        text: t('reportForm.kind'),
        bold: true,
        fontSize: 14,
        alignment: 'center',
        margin: [0, 20, 0, 2],
      },
      { text: t('reportForm.subject'), bold: true, alignment: 'center' },
      { text: '_______', alignment: 'center', margin: [0, -6, 0, 10] },
      {
        text: t('reportForm.to', {
          province: parties.province ?? BLANK,
          authority: parties.authority ?? BLANK,
        }),
        alignment: 'center',
        margin: [0, 0, 0, 10],
      },
      { text: t('reportForm.intro', { centre: parties.centre }), margin: [0, 0, 0, 4] },
      { text: t('reportForm.facts'), style: 'heading' },
      row('reportForm.survivorCode', c.survivorCode),
      row(
        'reportForm.gbvType',
        c.gbvType ? t(`gbvType.${c.gbvType}` as FormKey) : t('reportForm.none'),
      ),
      row('reportForm.dvForms', list('dvForm', c.dvForms)),
      row('reportForm.commune', parties.commune ?? c.communeCode ?? t('reportForm.none')),
      row('reportForm.occurredAt', at(c.occurredAt)),
      row('reportForm.discoveredAt', at(c.discoveredAt)),
      row('reportForm.seriousReasons', list('seriousReason', c.seriousReasons)),
      { text: t('reportForm.handling'), style: 'heading' },
      row('reportForm.servicesGiven', list('service', c.servicesGiven)),
      row('reportForm.agenciesInvolved', list('agencyType', c.agenciesInvolved)),
      { text: `${t('reportForm.narrative')}:`, color: '#333333', margin: [0, 2, 0, 2] },
      {
        text: report.narrative?.trim() || t('reportForm.none'),
        margin: [12, 0, 0, 4],
        alignment: 'justify',
      },
      { text: t('reportForm.deadline'), style: 'heading' },
      row('reportForm.dueAt', due(report.dueAt)),
      row('reportForm.status', t(`reportStatus.${report.status}` as FormKey)),
      row('reportForm.approvedAt', at(report.approvedAt)),
      row('reportForm.submittedAt', submitted),
      row('reportForm.acknowledgedAt', at(report.acknowledgedAt)),
      {
        columns: [
          {
            width: '45%',
            stack: [
              { text: t('reportForm.recipients'), bold: true, italics: true, fontSize: 10 },
              { text: t('reportForm.recipientsList'), fontSize: 9 },
            ],
          },
          {
            width: '55%',
            stack: [
              { text: t('reportForm.signer'), bold: true, alignment: 'center' },
              { text: t('reportForm.signHint'), italics: true, alignment: 'center', fontSize: 10 },
            ],
          },
        ],
        margin: [0, 16, 0, 0],
        unbreakable: true,
      },
    ],
  };
}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ReferralPacketView } from '@caunoi/shared/contracts';
import { TranslateListPipe } from '../../../core/i18n/t-list.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { UnitNamePipe } from '../../../shared/data/unit-name.pipe';
import { formatCalendarDate } from '../../../shared/deadlines/deadline-display';

/**
 * The case data the survivor consented to share with this agency, one section per category of the
 * packet. The API sends only the keys of those categories, so a section appears only when its key
 * is there: nothing else of the case exists on this page.
 */
@Component({
  selector: 'cn-referral-packet',
  imports: [TranslatePipe, TranslateListPipe, UnitNamePipe, VnDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (packet().identity; as identity) {
      <section data-testid="packet-identity">
        <h3>{{ 'dataCategory.identity_contact' | t }}</h3>
        <dl>
          <dt>{{ 'field.fullName' | t }}</dt>
          <dd>{{ identity.fullName ?? ('common.notKnown' | t) }}</dd>
          <dt>{{ 'field.sex' | t }}</dt>
          <dd>{{ 'sex.' + identity.sex | t }}</dd>
          <dt>{{ 'field.ageGroup' | t }}</dt>
          <dd>{{ 'ageGroup.' + identity.ageGroup | t }}</dd>
          @if (identity.dateOfBirth) {
            <dt>{{ 'field.dateOfBirth' | t }}</dt>
            <dd>{{ calendarDate(identity.dateOfBirth) }}</dd>
          } @else if (identity.age !== null) {
            <dt>{{ 'field.age' | t }}</dt>
            <dd>{{ identity.age }}</dd>
          }
          <dt>{{ 'field.phone' | t }}</dt>
          <dd>{{ identity.phone ?? ('common.notKnown' | t) }}</dd>
          <dt>{{ 'field.address' | t }}</dt>
          <dd>{{ identity.address ?? ('common.notKnown' | t) }}</dd>
          <dt>{{ 'field.idNumber' | t }}</dt>
          <dd>{{ identity.idNumber ?? ('common.notKnown' | t) }}</dd>
        </dl>
      </section>
    }
    @if (packet().safeContact; as safeContact) {
      <section data-testid="packet-safe-contact">
        <h3>{{ 'dataCategory.safe_contact' | t }}</h3>
        <dl>
          <dt>{{ 'field.safeContactMethod' | t }}</dt>
          <dd>
            {{
              safeContact.method
                ? ('safeContact.' + safeContact.method | t)
                : ('common.notKnown' | t)
            }}
          </dd>
          <dt>{{ 'field.safeContactDetails' | t }}</dt>
          <dd class="text">{{ safeContact.details ?? ('common.none' | t) }}</dd>
        </dl>
      </section>
    }
    @if (packet().incidents; as incidents) {
      <section data-testid="packet-incidents">
        <h3>{{ 'dataCategory.incident_facts' | t }}</h3>
        @for (incident of incidents; track $index) {
          <div class="incident" data-testid="packet-incident">
            @if (incidents.length > 1) {
              <h4>{{ 'referralInbox.incident' | t: { n: $index + 1 } }}</h4>
            }
            <dl>
              <dt>{{ 'field.gbvType' | t }}</dt>
              <dd>{{ 'gbvType.' + incident.gbvType | t }}</dd>
              <dt>{{ 'field.occurredAt' | t }}</dt>
              <dd>
                {{ incident.occurredAt | vnDate }} ({{
                  'precision.' + incident.occurredPrecision | t
                }})
              </dd>
              <dt>{{ 'field.discoveredAt' | t }}</dt>
              <dd>{{ incident.discoveredAt | vnDate }}</dd>
              <dt>{{ 'field.communeCode' | t }}</dt>
              <dd>{{ incident.communeCode | unitName }}</dd>
              @if (incident.dvForms.length) {
                <dt>{{ 'field.dvForms' | t }}</dt>
                <dd>{{ incident.dvForms | tList: 'dvForm' }}</dd>
              }
              @if (incident.contextFlags.length) {
                <dt>{{ 'field.contextFlags' | t }}</dt>
                <dd>{{ incident.contextFlags | tList: 'contextFlag' }}</dd>
              }
              @if (incident.description) {
                <dt>{{ 'field.description' | t }}</dt>
                <dd class="text">{{ incident.description }}</dd>
              }
            </dl>
          </div>
        } @empty {
          <p data-testid="packet-incidents-empty">{{ 'referralInbox.noIncidents' | t }}</p>
        }
      </section>
    }
    @if (packet().injuries; as injuries) {
      <section data-testid="packet-injuries">
        <h3>{{ 'dataCategory.injuries_medical' | t }}</h3>
        <p>{{ injuries | tList: 'injury' }}</p>
      </section>
    }
    @if (packet().riskLevel; as riskLevel) {
      <section data-testid="packet-risk">
        <h3>{{ 'dataCategory.risk_level' | t }}</h3>
        <p>
          <span class="cn-badge" [class.danger]="riskLevel === 'high'">{{
            'risk.' + riskLevel | t
          }}</span>
        </p>
      </section>
    }
    @if (packet().perpetrators; as perpetrators) {
      <section data-testid="packet-perpetrators">
        <h3>{{ 'dataCategory.perpetrator_info' | t }}</h3>
        @if (perpetrators.length) {
          <ul>
            @for (p of perpetrators; track $index) {
              <li>
                {{ 'relationship.' + p.relationship | t }} · {{ 'sex.' + p.sex | t }} ·
                {{ 'ageGroup.' + p.ageGroup | t }}
              </li>
            }
          </ul>
        } @else {
          <p>{{ 'common.notKnown' | t }}</p>
        }
      </section>
    }
    @if (packet().perpetratorRecords; as records) {
      <section data-testid="packet-perpetrator-records">
        <h3>{{ 'dataCategory.perpetrator' | t }}</h3>
        @for (p of records; track $index) {
          <div class="incident" data-testid="packet-perpetrator">
            <dl>
              <dt>{{ 'perpetrator.fullName' | t }}</dt>
              <dd>{{ p.identity.fullName ?? ('common.notKnown' | t) }}</dd>
              @if (p.identity.aliases.length) {
                <dt>{{ 'perpetrator.aliases' | t }}</dt>
                <dd>{{ p.identity.aliases.join(', ') }}</dd>
              }
              @if (p.identity.phone) {
                <dt>{{ 'perpetrator.phone' | t }}</dt>
                <dd>{{ p.identity.phone }}</dd>
              }
              @if (p.identity.address) {
                <dt>{{ 'perpetrator.address' | t }}</dt>
                <dd class="text">{{ p.identity.address }}</dd>
              }
              @if (p.identity.idNumber) {
                <dt>{{ 'perpetrator.idNumber' | t }}</dt>
                <dd>{{ p.identity.idNumber }}</dd>
              }
              <dt>{{ 'perpetrator.facts' | t }}</dt>
              <dd>
                {{ 'relationship.' + p.relationship | t }} · {{ 'sex.' + p.sex | t }} ·
                {{ 'ageGroup.' + p.ageGroup | t }}
              </dd>
            </dl>
          </div>
        } @empty {
          <p>{{ 'perpetrator.none' | t }}</p>
        }
      </section>
    }
    @if (empty()) {
      <p data-testid="packet-empty">{{ 'referralInbox.packetEmpty' | t }}</p>
    }
  `,
  styles: `
    h3 {
      margin: 16px 0 4px;
    }
    h4 {
      margin: 8px 0 4px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .text {
      white-space: pre-line;
    }
    .incident + .incident {
      margin-top: 8px;
      padding-top: 8px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
  `,
})
export class ReferralPacketComponent {
  readonly packet = input.required<ReferralPacketView>();

  protected readonly calendarDate = formatCalendarDate;
  protected readonly empty = computed(() => Object.keys(this.packet()).length === 0);
}

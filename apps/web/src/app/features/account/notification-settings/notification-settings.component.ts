import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { NotificationSettingsView } from '@caunoi/shared/contracts';
import type { EmailTopic, Language } from '@caunoi/shared/domain';
import { EMAIL_TOPICS, LANGUAGES, URGENT_EMAIL_TOPICS } from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import type { TranslationKey } from '../../../core/i18n/vi';
import { NotificationSettingsApiService } from '../../../shared/data/notification-settings-api.service';
import { formSubmission } from '../../../shared/forms/form-submission';
import type { HasUnsavedChanges } from '../../../shared/forms/unsaved-changes';
import { guardUnload } from '../../../shared/forms/unsaved-changes';
import { SavedNoticeComponent } from '../../../shared/ui/saved-notice/saved-notice.component';

type TopicControls = Record<EmailTopic, FormControl<boolean>>;

/**
 * The signed-in person's own notification settings: the address an admin set (shown, not
 * editable), the language of the emails, and which topics also come by email.
 */
@Component({
  selector: 'cn-notification-settings',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatSelectModule,
    TranslatePipe,
    SavedNoticeComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notification-settings.component.html',
  styles: `
    .topics {
      display: flex;
      flex-direction: column;
      gap: 2px;
      margin: 0 0 16px;
      padding: 0;
      border: 0;
    }
    .topics legend {
      font-weight: 600;
      margin-bottom: 4px;
    }
    .urgent {
      margin-left: 8px;
    }
    .email {
      margin: 0 0 16px;
    }
    .email strong {
      overflow-wrap: anywhere;
    }
  `,
})
export class NotificationSettingsComponent implements HasUnsavedChanges {
  private readonly api = inject(NotificationSettingsApiService);

  protected readonly topics = EMAIL_TOPICS;
  protected readonly languages = LANGUAGES;
  protected readonly settings = signal<NotificationSettingsView | null>(null);
  protected readonly loadFailed = signal(false);

  protected readonly form = new FormGroup({
    language: new FormControl<Language>('vi', { nonNullable: true }),
    emailTopics: new FormGroup(
      Object.fromEntries(
        EMAIL_TOPICS.map((t) => [t, new FormControl(false, { nonNullable: true })]),
      ) as TopicControls,
    ),
  });
  protected readonly submission = formSubmission(this.form);
  private readonly formDirective = viewChild(FormGroupDirective);

  constructor() {
    guardUnload(() => this.hasUnsavedChanges());
    void this.load();
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  protected isUrgent(topic: EmailTopic): boolean {
    return URGENT_EMAIL_TOPICS.includes(topic);
  }

  protected topicLabel(topic: EmailTopic): TranslationKey {
    return `emailTopic.${topic}`;
  }

  protected languageLabel(language: Language): TranslationKey {
    return `lang.${language}`;
  }

  private async load(): Promise<void> {
    try {
      this.show(await firstValueFrom(this.api.get()));
    } catch {
      this.loadFailed.set(true);
    }
  }

  /** Puts the server's values in the form and marks it pristine: nothing left unsaved. */
  private show(settings: NotificationSettingsView): void {
    this.settings.set(settings);
    this.form.reset(this.formValue(settings));
  }

  private formValue(settings: NotificationSettingsView) {
    return { language: settings.language, emailTopics: settings.emailTopics };
  }

  protected async submit(): Promise<void> {
    const value = this.form.getRawValue();
    const result = await this.submission.run(() => firstValueFrom(this.api.update(value)));
    if (!result.ok) return;
    this.settings.set(result.value);
    this.submission.succeeded(this.formDirective(), this.formValue(result.value));
  }
}

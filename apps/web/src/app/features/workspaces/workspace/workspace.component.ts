import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import type { Workspace } from '../workspaces';

/** A role's landing page; its tools arrive in later issues. */
@Component({
  selector: 'cn-workspace',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cn-page">
      <h1 data-testid="workspace-title">{{ workspace().title | t }}</h1>
      <p data-testid="workspace-body">{{ workspace().body | t }}</p>
      <p class="cn-notice">{{ 'workspace.comingSoon' | t }}</p>
    </section>
  `,
})
export class WorkspaceComponent {
  /** From the route's data (component input binding). */
  readonly workspace = input.required<Workspace>();
}

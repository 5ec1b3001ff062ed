import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { QuickExit } from '../../shared/quick-exit/quick-exit.service';

/**
 * Where a quick exit lands: a recipe, in Vietnamese, with no word of the app's work and no request
 * to the server. "Xem thêm món khác" at the bottom is the way back into the app.
 */
@Component({
  selector: 'cn-neutral-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="recipe" data-testid="neutral-page">
      <h1>Canh chua cá lóc</h1>
      <p class="lead">Món canh quen thuộc của miền Nam, nấu trong 30 phút cho 4 người ăn.</p>
      <h2>Nguyên liệu</h2>
      <ul>
        <li>1 con cá lóc (khoảng 700 g), cắt khúc</li>
        <li>2 quả cà chua, 1/4 quả thơm (dứa)</li>
        <li>100 g đậu bắp, 1 cây bạc hà (dọc mùng), giá đỗ</li>
        <li>Me chua, đường, nước mắm, ngò om, ngò gai, ớt</li>
      </ul>
      <h2>Cách nấu</h2>
      <ol>
        <li>Ngâm me với nước ấm, lọc lấy nước chua.</li>
        <li>Đun sôi 1,5 lít nước, cho nước me và thơm vào, nêm đường và nước mắm.</li>
        <li>Thả cá vào, nấu lửa vừa khoảng 7 phút, vớt bọt.</li>
        <li>Cho cà chua, đậu bắp, bạc hà; sôi lại thì tắt bếp, thêm giá và rau thơm.</li>
      </ol>
      <p class="tip">Mẹo: ăn kèm cá kho tộ và cơm nóng.</p>
      <button type="button" class="more" (click)="more()" data-testid="neutral-more">
        Xem thêm món khác
      </button>
    </main>
  `,
  styles: `
    .recipe {
      max-width: 560px;
      margin: 0 auto;
      padding: 16px;
      font-family: Roboto, Arial, sans-serif;
      line-height: 1.5;
      color: #1d1b20;
    }
    .lead {
      color: #49454f;
    }
    .tip {
      font-style: italic;
    }
    .more {
      margin-top: 24px;
      background: none;
      border: 0;
      padding: 8px 0;
      color: #49454f;
      text-decoration: underline;
      font: inherit;
      cursor: pointer;
    }
  `,
})
export class NeutralPageComponent {
  private readonly quickExit = inject(QuickExit);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);

  protected more(): void {
    this.quickExit.resume();
    void this.router.navigateByUrl(this.auth.homeRoute(), { replaceUrl: true });
  }
}

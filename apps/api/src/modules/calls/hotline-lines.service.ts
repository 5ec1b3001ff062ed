import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { AppAbility } from '@caunoi/shared/authz';
import type { HotlineLineView } from '@caunoi/shared/contracts';
import { fieldError } from '../../common/api-errors';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { accessibleWhere } from '../authz/accessible-where';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import type { CreateHotlineLineDto, UpdateHotlineLineDto } from './dto/hotline-line.dto';
import type { HotlineLineEntity } from './hotline-line.entity';
import { CallsRepository, HOTLINE_LINE_RULE_COLUMNS } from './calls.repository';
import { UnitOfWork } from '../../database/unit-of-work';

/** The numbers a hotline answers: data an admin configures, not code. */
@Injectable()
export class HotlineLinesService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly calls: CallsRepository,
    private readonly agencies: AgenciesRepository,
  ) {}

  /** Operators get their hotline's active lines; admins (manage) get every line, active or not. */
  async list(ability: AppAbility): Promise<HotlineLineView[]> {
    const includeInactive = ability.can('manage', 'HotlineLine');
    const lines = await this.calls.getLines(
      accessibleWhere(ability, 'read', 'HotlineLine', HOTLINE_LINE_RULE_COLUMNS),
      includeInactive,
    );
    return lines.map(mapLine);
  }

  async create(actor: AuthenticatedUser, dto: CreateHotlineLineDto): Promise<HotlineLineView> {
    const agency = await this.agencies.getById(dto.agencyId);
    if (
      !agency ||
      !agency.active ||
      (agency.type !== 'hotline' && agency.type !== 'social_work_centre')
    ) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'agencyId',
        'not_a_hotline',
        'agencyId must be an active hotline or social-work centre',
      );
    }
    return this.save(actor, 'hotline_line.create', {
      agencyId: agency.id,
      number: dto.number.trim(),
      name: dto.name.trim(),
      active: true,
    });
  }

  async update(
    actor: AuthenticatedUser,
    id: string,
    dto: UpdateHotlineLineDto,
  ): Promise<HotlineLineView> {
    const line = await this.calls.getLine(id);
    if (!line) throw new NotFoundException('Hotline line not found');
    return this.save(actor, 'hotline_line.update', {
      ...line,
      ...(dto.number !== undefined ? { number: dto.number.trim() } : {}),
      ...(dto.name !== undefined ? { name: dto.name.trim() } : {}),
      ...(dto.active !== undefined ? { active: dto.active } : {}),
    });
  }

  private async save(
    actor: AuthenticatedUser,
    action: string,
    line: Partial<HotlineLineEntity>,
  ): Promise<HotlineLineView> {
    const saved = await this.work.run(async (tx) => {
      if (
        await this.calls.isLineNumberTaken(
          tx.manager,
          line.agencyId as string,
          line.number as string,
          line.id ?? null,
        )
      ) {
        throw fieldError(
          HttpStatus.CONFLICT,
          'number',
          'number_taken',
          'this hotline already has that number',
        );
      }
      const result = await this.calls.saveLine(tx.manager, line);
      await tx.audit({
        actor,
        action,
        subjectType: 'HotlineLine',
        subjectId: result.id,
        fields: ['number', 'name', 'active'],
      });
      return result;
    });
    return mapLine(saved);
  }
}

function mapLine(l: HotlineLineEntity): HotlineLineView {
  return { id: l.id, number: l.number, name: l.name, agencyId: l.agencyId, active: l.active };
}

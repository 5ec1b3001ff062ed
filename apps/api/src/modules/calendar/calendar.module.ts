import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

@Module({
  imports: [DeadlinesModule],
  controllers: [CalendarController],
  providers: [CalendarService],
})
export class CalendarModule {}

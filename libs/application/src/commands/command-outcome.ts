import { ApiProperty } from '@nestjs/swagger';

/** What every command answers (API.md, Commands). */
export class CommandOutcome {
  @ApiProperty({ description: 'The aggregate id' })
  id!: string;

  @ApiProperty({
    description:
      'Number of events in the aggregate stream after the write; send it back as If-Match',
  })
  version!: number;

  @ApiProperty({
    description:
      'Log position of the last event written (send it as X-Min-Position to read your write)',
    nullable: true,
    type: Number,
  })
  position!: number | null;
}

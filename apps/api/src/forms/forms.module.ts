import { Module } from '@nestjs/common';
import { formApplicationProviders } from '@app/application';
import { CustomerFormsController } from './customer-forms.http.controller';
import { FormsController } from './forms.http.controller';

/** Additional forms ("Formularios adicionales"): definitions, versions and fills. */
@Module({
  controllers: [FormsController, CustomerFormsController],
  providers: formApplicationProviders,
})
export class FormsModule {}

import { Screen } from '@/components/ui/Screen';
import { HomeIntro } from '@/features/entry/components/HomeIntro';
import { JoinCodeForm } from '@/features/entry/components/JoinCodeForm';
import { TableCodeForm } from '@/features/entry/components/TableCodeForm';
import { ScanSection } from '@/features/scan/components/ScanSection';

export function HomeRoute() {
  return (
    <Screen title="Conversation cards for the dinner table">
      <HomeIntro />
      <div className="mt-auto flex flex-col gap-6">
        <ScanSection />
        <TableCodeForm />
        <JoinCodeForm />
      </div>
    </Screen>
  );
}
